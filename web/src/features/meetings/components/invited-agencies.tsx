import type { AgendaEntry, MeetingInvitationView } from '@marac/shared';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { useMeetingInvitations } from '../api/get-meeting-invitations';

/** The heading takes focus when a withdrawn invitation's button goes, so keyboard users keep their place. */
export const INVITATIONS_HEADING = 'invitations-heading';

interface CaseInvitations {
  caseId: string;
  caseReference: string;
  onAgenda: boolean;
  invitations: MeetingInvitationView[];
}

/** Each case on the agenda in its order, then any other case an agency is still invited for. */
function byCase(items: readonly AgendaEntry[], invitations: readonly MeetingInvitationView[]): CaseInvitations[] {
  const rows: CaseInvitations[] = items.map((item) => ({ caseId: item.caseId, caseReference: item.caseReference, onAgenda: true, invitations: [] }));
  for (const invitation of invitations) {
    if (invitation.caseId === null) continue;
    let row = rows.find((candidate) => candidate.caseId === invitation.caseId);
    if (!row) {
      row = { caseId: invitation.caseId, caseReference: invitation.caseReference ?? 'A case', onAgenda: false, invitations: [] };
      rows.push(row);
    }
    row.invitations.push(invitation);
  }
  return rows;
}

interface InvitedAgenciesProps {
  meetingId: string;
  areaName: string;
  items: readonly AgendaEntry[];
  /** Withdraws an invitation for one case; left out for a read-only agenda. */
  onWithdraw?: (invitation: MeetingInvitationView) => void;
}

/**
 * The agencies asked to research the meeting's cases: those serving the area, to every case, and those
 * the coordinator added for one case. Only an invitation for one case can be withdrawn here.
 */
export function InvitedAgencies({ meetingId, areaName, items, onWithdraw }: InvitedAgenciesProps) {
  const invitations = useMeetingInvitations(meetingId);
  return (
    <section aria-labelledby={INVITATIONS_HEADING} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={INVITATIONS_HEADING} tabIndex={-1}>
        Agencies invited
      </h2>
      {invitations.isPending ? (
        <Loading label="Loading the agencies invited…" />
      ) : invitations.isError ? (
        <QueryProblem error={invitations.error} subject="the agencies invited" />
      ) : (
        <Invitations areaName={areaName} items={items} invitations={invitations.data} onWithdraw={onWithdraw} />
      )}
    </section>
  );
}

function Invitations({ areaName, items, invitations, onWithdraw }: Omit<InvitedAgenciesProps, 'meetingId'> & { invitations: readonly MeetingInvitationView[] }) {
  const standing = invitations.filter((invitation) => invitation.caseId === null);
  const cases = byCase(items, invitations);
  return (
    <>
      <h3 className="govuk-heading-s">To every case</h3>
      {standing.length === 0 ? (
        <p className="govuk-body">No agency is invited to every case.</p>
      ) : (
        <>
          <p className="govuk-body">The agencies serving {areaName}:</p>
          <ul className="govuk-list govuk-list--bullet" aria-label="Invited to every case">
            {standing.map((invitation) => (
              <li key={invitation.id}>{invitation.agencyName}</li>
            ))}
          </ul>
        </>
      )}
      <h3 className="govuk-heading-s" id="invitations-by-case-heading">
        For one case
      </h3>
      {cases.length === 0 ? (
        <p className="govuk-body">No case is on the agenda yet.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="invitations-by-case-heading">
          <TableHead columns={['Case', 'Agencies invited for it']} />
          <tbody className="govuk-table__body">
            {cases.map((row) => (
              <tr className="govuk-table__row" key={row.caseId}>
                <td className="govuk-table__cell">
                  {row.caseReference}
                  {row.onAgenda ? null : <p className="govuk-body-s govuk-!-margin-bottom-0">Not on this agenda now</p>}
                </td>
                <td className="govuk-table__cell">
                  {row.invitations.length === 0 ? (
                    'None besides the agencies invited to every case'
                  ) : (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {row.invitations.map((invitation) => (
                        <li key={invitation.id}>
                          {invitation.agencyName}
                          {onWithdraw ? (
                            <>
                              {' '}
                              <button type="button" className="app-link-button govuk-!-margin-left-2" onClick={() => onWithdraw(invitation)}>
                                Withdraw{' '}
                                <span className="govuk-visually-hidden">
                                  {invitation.agencyName} for {row.caseReference}
                                </span>
                              </button>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
