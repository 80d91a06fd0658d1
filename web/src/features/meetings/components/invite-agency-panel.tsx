import type { AgencyDirectoryEntry, AgendaEntry, FieldError, MeetingSummary } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Select } from '../../../components/ui/select';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { errorFor } from '../../../lib/field-errors';
import { formatLongDate } from '../../../lib/format';
import { useMeetingInvitations } from '../api/get-meeting-invitations';

interface InviteAgencyPanelProps {
  entry: AgendaEntry;
  meeting: MeetingSummary;
  errors: readonly FieldError[];
  pending: boolean;
  /** The agency chosen, or null when none was. */
  onInvite: (agency: AgencyDirectoryEntry | null) => void;
  onCancel: () => void;
}

/**
 * Invites one more agency to research one case. Agencies already invited, to every case or for this
 * one, are not offered; one a bar on the case names is refused by the server, which alone knows every
 * bar (an agency barred and never invited is not on the agenda's list of barred agencies).
 */
export function InviteAgencyPanel({ entry, meeting, errors, pending, onInvite, onCancel }: InviteAgencyPanelProps) {
  const [agencyId, setAgencyId] = useState('');
  const agencies = useAgencyDirectory();
  const invitations = useMeetingInvitations(meeting.id);
  const invited = new Set(
    (invitations.data ?? []).filter((invitation) => invitation.caseId === null || invitation.caseId === entry.caseId).map((invitation) => invitation.agencyId),
  );
  const choices = (agencies.data ?? []).filter((agency) => !invited.has(agency.id)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onInvite(choices.find((agency) => agency.id === agencyId) ?? null);
  };

  return (
    <section className="app-confirmation" aria-labelledby="agenda-invite-heading">
      <StepHeading id="agenda-invite-heading">{`Invite an agency for ${entry.caseReference}`}</StepHeading>
      {agencies.isPending || invitations.isPending ? (
        <Loading label="Loading the agencies…" />
      ) : agencies.isError || invitations.isError ? (
        <QueryProblem error={agencies.error ?? invitations.error} subject="the agencies to choose from" />
      ) : (
        <form onSubmit={submit} noValidate>
          {choices.length === 0 ? (
            <p className="govuk-body">Every agency serving your areas is already invited for this case.</p>
          ) : (
            <>
              <Select
                id="agenda-invite-agency"
                label="Agency"
                hint="Agencies already invited, to every case or for this one, are not listed. An agency named as unsafe to contact about this case cannot be invited."
                options={[{ value: '', label: 'Choose an agency' }, ...choices.map((agency) => ({ value: agency.id, label: agency.name }))]}
                value={agencyId}
                onChange={(event) => setAgencyId(event.target.value)}
                error={errorFor(errors, 'agencyId')}
              />
              <p className="govuk-body">
                {meeting.status === 'agenda_published'
                  ? `The agenda has been published: the agency gets a research task for this case at once, due ${formatLongDate(meeting.researchDeadline)}.`
                  : 'The agency gets a research task for this case when the agenda is published.'}
              </p>
            </>
          )}
          <StepActions confirm={choices.length === 0 ? undefined : 'Invite the agency'} pending={pending} onCancel={onCancel} />
        </form>
      )}
    </section>
  );
}
