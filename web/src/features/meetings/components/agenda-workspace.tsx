import {
  AgendaChange,
  type AgencyDirectoryEntry,
  type Agenda,
  type AgendaEntry,
  type FieldError,
  type GeneratedAgenda,
  type MeetingInvitationView,
  type MeetingSummary,
  type PublishedAgenda,
} from '@marac/shared';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { formatCount, formatLongDate } from '../../../lib/format';
import { useChangeAgenda } from '../api/change-agenda';
import { useChangeMeetingStatus } from '../api/change-meeting-status';
import { useGenerateAgenda } from '../api/generate-agenda';
import { useInviteAgency } from '../api/invite-agency';
import { agendaPdfUrl } from '../api/meeting-pdfs';
import { usePublishAgenda } from '../api/publish-agenda';
import { useWithdrawInvitation } from '../api/withdraw-invitation';
import { todayInLondon } from '../../../lib/today';
import { AgendaReviews } from './agenda-reviews';
import { AgendaTable } from './agenda-table';
import { InviteAgencyPanel } from './invite-agency-panel';
import { INVITATIONS_HEADING, InvitedAgencies } from './invited-agencies';
import { LapsedWindows } from './lapsed-windows';
import { PROGRESS_HEADING, PROGRESS_TRIGGER, MeetingProgress } from './meeting-progress';
import type { MeetingStep } from './meeting-status';
import { MoveCasePanel } from './move-case-panel';
import { OverflowWarning } from './overflow-warning';
import { PublishConfirmation } from './publish-confirmation';
import { RemoveCasePanel } from './remove-case-panel';
import { RemovedCases } from './removed-cases';
import { StatusConfirmation } from './status-confirmation';
import { WithheldCases } from './withheld-cases';

const FIELD_IDS = {
  toMeetingId: 'agenda-move-to',
  reason: 'agenda-remove-reason',
  agencyId: 'agenda-invite-agency',
  status: PROGRESS_TRIGGER,
} as const;

type Step = { kind: 'move' | 'remove' | 'invite'; entry: AgendaEntry } | { kind: 'publish' } | { kind: 'status'; status: MeetingStep } | null;

type Direction = 'up' | 'down';

const triggerId = (kind: 'move' | 'remove' | 'invite' | Direction, entry: AgendaEntry) => `agenda-${kind}-${entry.id}`;
const PUBLISH_TRIGGER = 'agenda-publish';

function publishedNotice(published: PublishedAgenda): string {
  // Each is a case an invited agency was not sent, so a task it was not given: counted as tasks.
  const withheld = published.withheldCount === 0 ? 'none withheld' : `${published.withheldCount} withheld because a bar on the case names the agency`;
  const tasks = formatCount(published.researchTasks, 'research task');
  const notices = formatCount(published.notices, 'notice');
  return `Version ${published.version} of the agenda has been published: ${tasks} created for the invited agencies (${withheld}), ${notices} queued for agency mailboxes`;
}

/** What the coordinator is told after each change, in words about the case rather than the request. */
function changedNotice(change: AgendaChange, entry: AgendaEntry, agenda: Agenda, targetDate: string | undefined): string {
  const now = agenda.items.find((item) => item.id === entry.id);
  switch (change.change) {
    case 'position':
      return `${entry.caseReference} is now case ${now?.position ?? change.position} and pinned there`;
    case 'pin':
      return change.pinned ? `${entry.caseReference} is pinned: rebuilding the agenda will not move it` : `${entry.caseReference} is no longer pinned`;
    case 'move':
      return targetDate ? `${entry.caseReference} has been moved to the meeting on ${formatLongDate(targetDate)}` : `${entry.caseReference} has been moved to another meeting`;
    case 'remove':
      return `${entry.caseReference} has been taken off the agenda`;
    case 'restore':
      return now ? `${entry.caseReference} is back on the agenda as case ${now.position}` : `${entry.caseReference} is back on the agenda`;
  }
}

/** Once the agenda is out, the server gives an agency invited for a case its research task at once. */
function invitedNotice(agency: AgencyDirectoryEntry, entry: AgendaEntry, meeting: MeetingSummary): string {
  if (meeting.status === 'agenda_published') {
    return `${agency.name} has been invited for ${entry.caseReference} and given a research task for it, due ${formatLongDate(meeting.researchDeadline)}`;
  }
  return `${agency.name} has been invited for ${entry.caseReference}: it gets a research task when the agenda is published`;
}

/** `heard`: the cases on the agenda when it was minuted, each now recorded as heard. */
function steppedNotice(step: MeetingStep, meeting: MeetingSummary, heard: number): string {
  switch (step) {
    case 'in_progress':
      return 'The meeting has started';
    case 'minuted':
      return heard === 0
        ? 'The meeting has been minuted'
        : `The meeting has been minuted: ${formatCount(heard, 'case')} recorded as heard on ${formatLongDate(meeting.date)}`;
    case 'closed':
      return 'The meeting has been closed';
  }
}

function withdrawnNotice(invitation: MeetingInvitationView, meeting: MeetingSummary): string {
  const withdrawn = `${invitation.agencyName} is no longer invited for ${invitation.caseReference ?? 'the case'}`;
  return meeting.status === 'agenda_published' ? `${withdrawn}: its research task has been withdrawn unless the agency had started it` : withdrawn;
}

interface AgendaWorkspaceProps {
  agenda: Agenda;
  /** A coordinator of the meeting's area; chairs read the agenda without changing it. */
  coordinator: boolean;
}

/**
 * A meeting's agenda for its coordinators and chairs: the meeting's next step once its agenda is out
 * (start, mark as minuted, close: for coordinators and chairs alike), the cases in order and the
 * agencies invited, and for a coordinator while the meeting has not started, building, hand changes,
 * inviting an agency for one case and publishing. Every outcome is announced in one banner; every
 * refusal in one error summary. Each change names the version of the meeting on the page: when someone
 * else changed the meeting or its agenda first, the server refuses it, the page reads both again and
 * shows them as they now stand, and an open panel keeps what was typed in it for the next try.
 */
export function AgendaWorkspace({ agenda, coordinator }: AgendaWorkspaceProps) {
  const { meeting, items, removed } = agenda;
  const canEdit = coordinator && agenda.editable;
  // The cases minuting records as heard: the server marks those still listed.
  const listed = items.filter((item) => item.status === 'listed').length;
  const [step, setStep] = useState<Step>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [overflow, setOverflow] = useState<GeneratedAgenda['overflow']>([]);
  const generate = useGenerateAgenda();
  const change = useChangeAgenda();
  const publish = usePublishAgenda();
  const invite = useInviteAgency();
  const withdraw = useWithdrawInvitation();
  const stepMeeting = useChangeMeetingStatus();
  const pending = generate.isPending || change.isPending || publish.isPending || invite.isPending || withdraw.isPending || stepMeeting.isPending;
  // The move button to focus once the table shows the case at its new place: the one pressed, or the
  // other one when the case reached the top or the bottom and the one pressed has gone.
  const refocus = useRef<{ itemId: string; position: number; buttonId: string } | null>(null);

  useEffect(() => {
    const target = refocus.current;
    if (!target || items.find((item) => item.id === target.itemId)?.position !== target.position) return;
    refocus.current = null;
    document.getElementById(target.buttonId)?.focus();
  }, [items]);

  const begin = () => {
    setNotice(null);
    setErrors([]);
  };

  const closeStep = (focusId: string | null) => {
    setStep(null);
    if (focusId) document.getElementById(focusId)?.focus();
  };

  const build = () => {
    if (pending) return;
    begin();
    setStep(null);
    generate.mutate({ meetingId: meeting.id, version: meeting.version }, {
      onSuccess: (generated) => {
        setOverflow(generated.overflow);
        setNotice(`The agenda has been built: ${formatCount(generated.agenda.items.length, 'case')} listed`);
      },
      onError: (error) => setErrors(fieldErrorsFromFailure(error)),
    });
  };

  const send = (raw: unknown, entry: AgendaEntry, targetDate?: string) => {
    if (pending) return;
    const parsed = AgendaChange.safeParse({ ...(raw as object), version: meeting.version });
    if (!parsed.success) {
      setNotice(null);
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    begin();
    change.mutate(
      { meetingId: meeting.id, change: parsed.data },
      {
        onSuccess: (updated) => {
          setStep(null);
          setNotice(changedNotice(parsed.data, entry, updated, targetDate));
          const now = updated.items.find((item) => item.id === entry.id);
          if (parsed.data.change === 'position' && now) {
            const direction: Direction = parsed.data.position < entry.position ? 'up' : 'down';
            const canMove = direction === 'up' ? now.position > 1 : now.position < updated.items.length + updated.withheldCount;
            const button: Direction = canMove ? direction : direction === 'up' ? 'down' : 'up';
            refocus.current = { itemId: now.id, position: now.position, buttonId: triggerId(button, now) };
          }
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  const confirmPublish = () => {
    if (pending) return;
    begin();
    publish.mutate({ meetingId: meeting.id, version: meeting.version }, {
      onSuccess: (published) => {
        setStep(null);
        setNotice(publishedNotice(published));
      },
      onError: (error) => {
        setStep(null);
        setErrors(fieldErrorsFromFailure(error));
      },
    });
  };

  const confirmStep = (status: MeetingStep) => {
    if (pending) return;
    begin();
    stepMeeting.mutate(
      { meetingId: meeting.id, change: { status, version: meeting.version } },
      {
        onSuccess: (stepped) => {
          setStep(null);
          // `listed` is read as the page stood when confirmed, before the cases were heard.
          setNotice(steppedNotice(status, stepped, listed));
          // The button pressed has gone with the confirmation, and the next step has its own button.
          document.getElementById(PROGRESS_HEADING)?.focus();
        },
        onError: (error) => {
          setStep(null);
          setErrors(fieldErrorsFromFailure(error));
        },
      },
    );
  };

  const sendInvitation = (entry: AgendaEntry, agency: AgencyDirectoryEntry | null) => {
    if (pending) return;
    if (agency === null) {
      setNotice(null);
      setErrors([{ field: 'agencyId', message: 'Choose the agency to invite' }]);
      return;
    }
    begin();
    invite.mutate(
      { meetingId: meeting.id, invitation: { agencyId: agency.id, caseId: entry.caseId, version: meeting.version } },
      {
        onSuccess: () => {
          closeStep(triggerId('invite', entry));
          setNotice(invitedNotice(agency, entry, meeting));
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  const withdrawInvitation = (invitation: MeetingInvitationView) => {
    if (pending) return;
    begin();
    withdraw.mutate(
      { meetingId: meeting.id, invitationId: invitation.id, version: meeting.version },
      {
        onSuccess: () => {
          setNotice(withdrawnNotice(invitation, meeting));
          // The button pressed has gone with the invitation.
          document.getElementById(INVITATIONS_HEADING)?.focus();
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  // Cases withheld from the reader keep their places, so the last place is counted with them.
  const lastPosition = items.length + agenda.withheldCount;
  const rowActions = (entry: AgendaEntry) => (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {entry.position > 1 ? (
        <li>
          <button
            type="button"
            id={triggerId('up', entry)}
            className="app-link-button"
            onClick={() => send({ change: 'position', itemId: entry.id, position: entry.position - 1 }, entry)}
          >
            Move up <span className="govuk-visually-hidden">{entry.caseReference}</span>
          </button>
        </li>
      ) : null}
      {entry.position < lastPosition ? (
        <li>
          <button
            type="button"
            id={triggerId('down', entry)}
            className="app-link-button"
            onClick={() => send({ change: 'position', itemId: entry.id, position: entry.position + 1 }, entry)}
          >
            Move down <span className="govuk-visually-hidden">{entry.caseReference}</span>
          </button>
        </li>
      ) : null}
      <li>
        <button type="button" className="app-link-button" onClick={() => send({ change: 'pin', itemId: entry.id, pinned: !entry.pinned }, entry)}>
          {entry.pinned ? 'Unpin' : 'Pin'} <span className="govuk-visually-hidden">{entry.caseReference}</span>
        </button>
      </li>
      <li>
        <button
          type="button"
          id={triggerId('move', entry)}
          className="app-link-button"
          onClick={() => {
            begin();
            setStep({ kind: 'move', entry });
          }}
        >
          Move to another meeting <span className="govuk-visually-hidden">{entry.caseReference}</span>
        </button>
      </li>
      <li>
        <button
          type="button"
          id={triggerId('remove', entry)}
          className="app-link-button"
          onClick={() => {
            begin();
            setStep({ kind: 'remove', entry });
          }}
        >
          Take off the agenda <span className="govuk-visually-hidden">{entry.caseReference}</span>
        </button>
      </li>
      <li>
        <button
          type="button"
          id={triggerId('invite', entry)}
          className="app-link-button"
          onClick={() => {
            begin();
            setStep({ kind: 'invite', entry });
          }}
        >
          Invite an agency for this case <span className="govuk-visually-hidden">{entry.caseReference}</span>
        </button>
      </li>
    </ul>
  );

  const buildLabel = lastPosition === 0 ? 'Build agenda' : 'Rebuild agenda';
  const publishLabel = meeting.agendaVersion === 0 ? 'Publish agenda' : `Publish changes as version ${meeting.agendaVersion + 1}`;

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <MeetingProgress
        meeting={meeting}
        listed={listed}
        today={todayInLondon()}
        onChoose={(status) => {
          begin();
          setStep({ kind: 'status', status });
        }}
      >
        {step?.kind === 'status' ? (
          <StatusConfirmation
            meeting={meeting}
            step={step.status}
            listed={listed}
            pending={pending}
            onConfirm={() => confirmStep(step.status)}
            onCancel={() => closeStep(PROGRESS_TRIGGER)}
          />
        ) : null}
      </MeetingProgress>
      <section aria-labelledby="agenda-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-l" id="agenda-heading">
          Agenda
        </h2>
        <OverflowWarning overflow={overflow} />
        <WithheldCases count={agenda.withheldCount} />
        <p className="govuk-body">
          {lastPosition === 0 ? 'No cases are listed yet.' : `${formatCount(lastPosition, 'case')} listed of ${meeting.capacity}, ${meeting.minutesPerCase} minutes each.`}
          {meeting.agendaVersion > 0 ? ` Version ${meeting.agendaVersion} has been published.` : ''}
        </p>
        {canEdit ? (
          <>
            <p className="govuk-body">
              Building lists the accepted referrals waiting to be heard whose referral came in by the cut-off: urgent cases first, then repeats, then
              households with children, then the oldest, with cases that share a person side by side. Pinned cases and cases placed by hand stay where
              they are; what does not fit moves to the next meeting.
            </p>
            <Button variant="secondary" onClick={build} aria-disabled={pending}>
              {buildLabel}
            </Button>
          </>
        ) : null}
        {step?.kind === 'move' ? (
          <MoveCasePanel
            key={step.entry.id}
            entry={step.entry}
            meeting={meeting}
            errors={errors}
            pending={pending}
            onMove={(target) => {
              if (target === null) {
                setNotice(null);
                setErrors([{ field: 'toMeetingId', message: 'Choose the meeting to move the case to' }]);
                return;
              }
              send({ change: 'move', itemId: step.entry.id, toMeetingId: target.id }, step.entry, target.date);
            }}
            onCancel={() => closeStep(triggerId('move', step.entry))}
          />
        ) : null}
        {step?.kind === 'remove' ? (
          <RemoveCasePanel
            key={step.entry.id}
            entry={step.entry}
            errors={errors}
            pending={pending}
            onRemove={(reason) => send({ change: 'remove', itemId: step.entry.id, reason }, step.entry)}
            onCancel={() => closeStep(triggerId('remove', step.entry))}
          />
        ) : null}
        {step?.kind === 'invite' ? (
          <InviteAgencyPanel
            key={step.entry.id}
            entry={step.entry}
            meeting={meeting}
            errors={errors}
            pending={pending}
            onInvite={(agency) => sendInvitation(step.entry, agency)}
            onCancel={() => closeStep(triggerId('invite', step.entry))}
          />
        ) : null}
        {items.length > 0 ? <AgendaTable items={items} actions={canEdit ? rowActions : undefined} /> : null}
        {items.length > 0 ? (
          <p className="govuk-body">
            <a className="govuk-link" href={agendaPdfUrl(meeting.id)}>
              Download agenda (PDF)
            </a>
          </p>
        ) : null}
        {canEdit ? (
          <Button
            id={PUBLISH_TRIGGER}
            onClick={() => {
              begin();
              setStep({ kind: 'publish' });
            }}
          >
            {publishLabel}
          </Button>
        ) : null}
        {step?.kind === 'publish' ? (
          <PublishConfirmation
            meeting={meeting}
            listed={lastPosition}
            pending={pending}
            onPublish={confirmPublish}
            onCancel={() => closeStep(PUBLISH_TRIGGER)}
          />
        ) : null}
      </section>
      <RemovedCases removed={removed} onRestore={canEdit ? (entry) => send({ change: 'restore', itemId: entry.id }, entry) : undefined} />
      <InvitedAgencies meetingId={meeting.id} areaName={meeting.areaName} items={items} onWithdraw={canEdit ? withdrawInvitation : undefined} />
      <AgendaReviews reviews={agenda.reviews} />
      <LapsedWindows windows={agenda.lapsedWindows} />
    </>
  );
}
