import { longDate, type FieldError, type MeetingStatus, type MeetingSummary, type Minutes } from '@marac/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatCount } from '../../../lib/format';
import { useDistributeMinutes } from '../api/distribute-minutes';
import { useGenerateMinutes } from '../api/generate-minutes';
import { minutesPdfUrl } from '../api/minutes-pdf';
import { useSignOffMinutes } from '../api/sign-off-minutes';
import { MinutesConfirmation } from './minutes-confirmation';
import { MinutesDocument } from './minutes-document';
import { MinutesEditForm } from './minutes-edit-form';
import { fieldIdsOf } from './minutes-form-values';
import { MinutesStatus, STATUS_HEADING } from './minutes-status';

/** The server generates minutes once the meeting has started and until it is closed. */
const GENERATING: readonly MeetingStatus[] = ['in_progress', 'minuted'];

const NEXT_HEADING = 'minutes-next-heading';
const GENERATE = 'minutes-generate';
const SIGN_OFF = 'minutes-sign-off';
const DISTRIBUTE = 'minutes-distribute';

/** The agencies that receive the minutes: each one invited for a case gets that case, as the server sends them. */
const receivingAgencies = (minutes: Minutes): number => new Set(minutes.content.cases.flatMap((item) => item.agencyIds)).size;

const focus = (id: string) => document.getElementById(id)?.focus();

interface StaffMinutesProps {
  meeting: MeetingSummary;
  minutes: Minutes | null;
  /** A coordinator of the area generates, edits and distributes; a chair reads and signs off. */
  coordinator: boolean;
}

/**
 * The minutes for the area's coordinators and chairs: where they stand against the deadline, the one
 * next step the server accepts from this reader (generate, sign off, distribute), and the document,
 * which the coordinator edits in place while it is a draft. Commands share one banner and one error
 * summary, as the agenda's steps do.
 */
export function StaffMinutes({ meeting, minutes, coordinator }: StaffMinutesProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [confirming, setConfirming] = useState<'sign-off' | 'distribute' | null>(null);
  const generate = useGenerateMinutes();
  const signOff = useSignOffMinutes();
  const distribute = useDistributeMinutes();
  const pending = generate.isPending || signOff.isPending || distribute.isPending;
  const editing = coordinator && minutes?.status === 'draft';

  const begin = () => {
    setNotice(null);
    setErrors([]);
  };

  const refused = (error: unknown) => {
    setConfirming(null);
    setErrors(fieldErrorsFromFailure(error));
  };

  const runGenerate = () => {
    if (pending) return;
    begin();
    const again = minutes !== null;
    generate.mutate({ meetingId: meeting.id, version: minutes?.version ?? 0 }, {
      onSuccess: () => {
        setNotice(
          again
            ? 'The minutes have been generated again from what was recorded. The notes and case summaries already saved are kept.'
            : 'The minutes have been generated from what was recorded at the meeting. Add the notes and a summary of each case, then save.',
        );
        // The first generation replaces the button pressed with the document.
        if (!again) focus(STATUS_HEADING);
      },
      onError: refused,
    });
  };

  const open = (step: 'sign-off' | 'distribute') => {
    begin();
    setConfirming(step);
  };

  const cancel = () => {
    const trigger = confirming === 'sign-off' ? SIGN_OFF : DISTRIBUTE;
    setConfirming(null);
    focus(trigger);
  };

  const runSignOff = () => {
    if (pending || !minutes) return;
    signOff.mutate({ meetingId: meeting.id, version: minutes.version }, {
      onSuccess: () => {
        setConfirming(null);
        setNotice('You have signed off the minutes. They can no longer be changed; the coordinator can now distribute them to the agencies.');
        focus(STATUS_HEADING);
      },
      onError: refused,
    });
  };

  const runDistribute = () => {
    if (pending || !minutes) return;
    distribute.mutate({ meetingId: meeting.id, version: minutes.version }, {
      onSuccess: (distributed) => {
        setConfirming(null);
        setNotice(
          `The minutes have been distributed to ${formatCount(receivingAgencies(distributed), 'agency', 'agencies')}, each with only the cases it was invited for. ` +
            'Each agency with a secure mailbox is sent a notice with a link; notices hold no personal data.',
        );
        focus(STATUS_HEADING);
      },
      onError: refused,
    });
  };

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary errors={errors} fieldIds={minutes && editing ? fieldIdsOf(minutes.content.cases) : {}} />
      <MinutesStatus meetingDate={meeting.date} dueDate={meeting.minutesDueDate} minutes={minutes} missing="Not generated yet" />

      <section aria-labelledby={NEXT_HEADING} className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id={NEXT_HEADING}>
          Next step
        </h2>
        {minutes === null ? (
          <NoMinutes meeting={meeting} coordinator={coordinator} pending={pending} onGenerate={runGenerate} />
        ) : minutes.status === 'draft' ? (
          coordinator ? (
            <>
              <p className="govuk-body">
                Add the notes and a summary of each case below, then save. When the minutes are ready, the chair signs them off: after that they can no
                longer be changed.
              </p>
              {GENERATING.includes(meeting.status) ? (
                <>
                  <p className="govuk-body">
                    If anything was recorded or changed at the meeting since the minutes were generated, generate them again: everything is taken afresh
                    from the record, and the notes and case summaries already saved are kept.
                  </p>
                  <Button id={GENERATE} variant="secondary" onClick={runGenerate} aria-disabled={pending}>
                    Generate again from the record
                  </Button>
                </>
              ) : null}
            </>
          ) : (
            <>
              <p className="govuk-body">Read the minutes, then sign them off. Once signed off they can no longer be changed, and the coordinator distributes them to the agencies.</p>
              <Button id={SIGN_OFF} onClick={() => open('sign-off')}>
                Sign off the minutes
              </Button>
              {confirming === 'sign-off' ? (
                <MinutesConfirmation
                  id="minutes-sign-off-heading"
                  heading="Sign off the minutes?"
                  confirm="Yes, sign off the minutes"
                  pending={pending}
                  onConfirm={runSignOff}
                  onCancel={cancel}
                >
                  <p className="govuk-body">Once signed off, the coordinator can no longer change or regenerate the minutes.</p>
                  {meeting.status === 'in_progress' ? (
                    <p className="govuk-body">
                      The meeting becomes minuted: the {formatCount(meeting.listedCount, 'case')} on its agenda {meeting.listedCount === 1 ? 'is' : 'are'}{' '}
                      recorded as heard on {longDate(meeting.date)}.
                    </p>
                  ) : null}
                </MinutesConfirmation>
              ) : null}
            </>
          )
        ) : minutes.status === 'signed_off' ? (
          coordinator ? (
            <>
              <p className="govuk-body">The chair has signed the minutes off. Distribute them to the agencies: each agency receives only the cases it was invited for.</p>
              <Button id={DISTRIBUTE} onClick={() => open('distribute')}>
                Distribute the minutes
              </Button>
              {confirming === 'distribute' ? (
                <MinutesConfirmation
                  id="minutes-distribute-heading"
                  heading="Distribute the minutes?"
                  confirm="Yes, distribute the minutes"
                  pending={pending}
                  onConfirm={runDistribute}
                  onCancel={cancel}
                >
                  <DistributionWords minutes={minutes} />
                </MinutesConfirmation>
              ) : null}
            </>
          ) : (
            <p className="govuk-body">The minutes are signed off. The coordinator distributes them to the agencies.</p>
          )
        ) : (
          <p className="govuk-body">
            The minutes have been distributed to {formatCount(receivingAgencies(minutes), 'agency', 'agencies')}, each with only the cases it was invited
            for. Their representatives read them on this platform and can download them as a PDF.
          </p>
        )}
      </section>

      {minutes ? (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href={minutesPdfUrl(meeting.id)}>
              Download the minutes (PDF)
            </a>
          </p>
          {editing ? (
            <MinutesEditForm
              minutes={minutes}
              errors={errors}
              onSend={begin}
              onRefused={setErrors}
              onSaved={() => setNotice('The minutes have been saved.')}
            />
          ) : (
            <MinutesDocument content={minutes.content} noCases="No case was heard at this meeting." />
          )}
        </>
      ) : null}
    </>
  );
}

interface NoMinutesProps {
  meeting: MeetingSummary;
  coordinator: boolean;
  pending: boolean;
  onGenerate: () => void;
}

function NoMinutes({ meeting, coordinator, pending, onGenerate }: NoMinutesProps) {
  if (!coordinator) {
    return (
      <p className="govuk-body">
        Minutes have not been generated yet. The coordinator generates them from what was recorded at the meeting; you then read them here and sign
        them off.
      </p>
    );
  }
  if (meeting.status === 'planned' || meeting.status === 'agenda_published') {
    return <p className="govuk-body">Minutes have not been generated yet. They can be generated once the meeting has started.</p>;
  }
  if (!GENERATING.includes(meeting.status)) {
    return <p className="govuk-body">Minutes were not generated before the meeting was closed, and can no longer be.</p>;
  }
  return (
    <>
      <p className="govuk-body">Minutes have not been generated yet.</p>
      <p className="govuk-body">
        Generating builds them from what was recorded at the meeting: attendance, apologies and observers with their confidentiality sign-off, the
        review of earlier actions, and for each case what every agency shared, the risk analysis, the actions agreed and the outcome. You then add notes
        and a summary of each case.
      </p>
      <Button id={GENERATE} onClick={onGenerate} aria-disabled={pending}>
        Generate the minutes
      </Button>
    </>
  );
}

function DistributionWords({ minutes }: { minutes: Minutes }) {
  const agencies = receivingAgencies(minutes);
  if (agencies === 0) {
    return <p className="govuk-body">No agency was invited for any case in these minutes, so no agency receives them.</p>;
  }
  return (
    <>
      <p className="govuk-body">
        {formatCount(agencies, 'agency', 'agencies')} {agencies === 1 ? 'receives' : 'receive'} the minutes, each with only the cases it was invited for.
        An agency named as unsafe to contact for a case never receives that case.
      </p>
      <p className="govuk-body">
        Each agency with a secure mailbox is sent a notice with a link to the meeting and the number of its cases. Notices hold no names and no case
        details.
      </p>
    </>
  );
}
