import { ATTENDANCE_KIND_LABELS, type AttendanceEntry, type AttendanceInput, type FieldError, type MeetingSummary } from '@marac/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { QueryProblem } from '../../../components/ui/query-problem';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { useAttendance } from '../api/get-attendance';
import { useRecordAttendance } from '../api/record-attendance';
import { useRemoveAttendance } from '../api/remove-attendance';
import { AttendanceLists, removeTriggerId } from './attendance-lists';
import { isRecording, isSigning } from './attendance-rules';
import { ConfidentialityPanel } from './confidentiality-panel';
import { FORM_FIELD_IDS, RecordAttendanceForm } from './record-attendance-form';
import { RemoveAttendancePanel } from './remove-attendance-panel';

/** The heading takes focus when the button pressed goes (an entry removed, "Add myself" done). */
const HEADING = 'attendance-heading';
const ADD_MYSELF = 'attendance-add-myself';
const RECORD_OPEN = 'attendance-record-open';

interface AttendanceSectionProps {
  meeting: MeetingSummary;
  /** A coordinator of the meeting's area records attendance; chairs read it. */
  coordinator: boolean;
  /** The signed-in user: "Add myself" records them, and they sign the statement on their own account. */
  userId: string;
}

/**
 * Who attends the meeting, sends apologies or observes, and whether each has signed the
 * confidentiality statement, for the area's coordinators and chairs; above it, the statement for the
 * reader themselves to sign. Coordinators record and remove entries until the meeting is minuted.
 */
export function AttendanceSection({ meeting, coordinator, userId }: AttendanceSectionProps) {
  const attendance = useAttendance(meeting.id);
  return (
    <>
      <ConfidentialityPanel meeting={meeting} selfRecording={coordinator} />
      <section aria-labelledby={HEADING} className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id={HEADING} tabIndex={-1}>
          Attendance
        </h2>
        {attendance.isPending ? (
          <Loading label="Loading the attendance…" />
        ) : attendance.isError ? (
          <QueryProblem error={attendance.error} subject="the attendance" />
        ) : (
          <Attendance meeting={meeting} entries={attendance.data} canRecord={coordinator && isRecording(meeting.status)} coordinator={coordinator} userId={userId} />
        )}
      </section>
    </>
  );
}

interface AttendanceProps {
  meeting: MeetingSummary;
  entries: readonly AttendanceEntry[];
  canRecord: boolean;
  coordinator: boolean;
  userId: string;
}

function Attendance({ meeting, entries, canRecord, coordinator, userId }: AttendanceProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Which button sent the last entry, so the error summary links a refusal of the person to it.
  const [source, setSource] = useState<'form' | 'myself'>('form');
  const [removing, setRemoving] = useState<AttendanceEntry | null>(null);
  // The form is opened when wanted, so the meeting page does not load its choices on every visit.
  const [recording, setRecording] = useState(false);
  const focusOpener = useRef(false);
  const record = useRecordAttendance();
  const remove = useRemoveAttendance();
  const pending = record.isPending || remove.isPending;
  const recorded = entries.some((entry) => entry.userId === userId);
  const fieldIds = useMemo(() => ({ ...FORM_FIELD_IDS, ...(source === 'myself' ? { userId: ADD_MYSELF } : {}) }), [source]);

  useEffect(() => {
    // Cancel gives the focus back to the button that opened the form, once it is there again.
    if (recording || !focusOpener.current) return;
    focusOpener.current = false;
    document.getElementById(RECORD_OPEN)?.focus();
  }, [recording]);

  const begin = () => {
    setNotice(null);
    setErrors([]);
  };

  const focusHeading = () => document.getElementById(HEADING)?.focus();

  const send = (input: AttendanceInput, from: 'form' | 'myself', done: () => void) => {
    if (pending) return;
    begin();
    setRemoving(null);
    setSource(from);
    const before = new Set(entries.map((entry) => entry.id));
    record.mutate(
      { meetingId: meeting.id, input },
      {
        onSuccess: (list) => {
          done();
          const added = list.find((entry) => !before.has(entry.id));
          const label = ATTENDANCE_KIND_LABELS[input.kind];
          if (from === 'myself') {
            setNotice(`You have been added to ${label}${isSigning(meeting.status) ? ': you can now sign the confidentiality statement' : ''}`);
          } else {
            setNotice(added ? `${added.name} has been added to ${label}` : `The entry has been added to ${label}`);
          }
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  const addMyself = () =>
    send({ kind: 'attendee', userId: userId, name: null, agencyId: null, informationSent: false }, 'myself', () => {
      // The button goes once the coordinator is on the list.
      focusHeading();
    });

  const confirmRemoval = (entry: AttendanceEntry) => {
    if (pending) return;
    begin();
    remove.mutate(
      { meetingId: meeting.id, entryId: entry.id },
      {
        onSuccess: () => {
          setRemoving(null);
          setNotice(`${entry.name} has been removed from ${ATTENDANCE_KIND_LABELS[entry.kind]}`);
          // The entry's button has gone with it.
          focusHeading();
        },
        onError: (error) => {
          setRemoving(null);
          setErrors(fieldErrorsFromFailure(error));
        },
      },
    );
  };

  const cancelRemoval = (entry: AttendanceEntry) => {
    setRemoving(null);
    document.getElementById(removeTriggerId(entry))?.focus();
  };

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <AttendanceLists
        entries={entries}
        onRemove={
          canRecord
            ? (entry) => {
                begin();
                setRemoving(entry);
              }
            : undefined
        }
        after={(kind) =>
          removing?.kind === kind ? (
            <RemoveAttendancePanel key={removing.id} entry={removing} pending={pending} onConfirm={() => confirmRemoval(removing)} onCancel={() => cancelRemoval(removing)} />
          ) : null
        }
      />
      {canRecord ? (
        <>
          {recorded ? null : <p className="govuk-body">Record yourself as attending to sign the confidentiality statement on your own account.</p>}
          <ButtonGroup>
            {recorded ? null : (
              <Button id={ADD_MYSELF} variant="secondary" onClick={addMyself} aria-disabled={pending}>
                Add myself
              </Button>
            )}
            {recording ? null : (
              <Button
                id={RECORD_OPEN}
                variant="secondary"
                onClick={() => {
                  begin();
                  setRecording(true);
                }}
              >
                Record someone
              </Button>
            )}
          </ButtonGroup>
          {recording ? (
            <RecordAttendanceForm
              meeting={meeting}
              entries={entries}
              myId={userId}
              // A refusal of "Add myself" is about the coordinator, not the person chosen in the form.
              errors={source === 'myself' ? [] : errors}
              pending={pending}
              onRecord={(input, done) => send(input, 'form', done)}
              onProblems={(problems) => {
                setNotice(null);
                setSource('form');
                setErrors(problems);
              }}
              onCancel={() => {
                begin();
                focusOpener.current = true;
                setRecording(false);
              }}
            />
          ) : null}
        </>
      ) : coordinator ? (
        <p className="govuk-body">The meeting has been minuted: its attendance can no longer change.</p>
      ) : (
        <p className="govuk-body">The area’s coordinators record attendance.</p>
      )}
    </>
  );
}
