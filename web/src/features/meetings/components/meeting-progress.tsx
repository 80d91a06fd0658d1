import type { MeetingSummary } from '@marac/shared';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { formatCount, formatDate, formatLongDate } from '../../../lib/format';
import { STEP_LABELS } from './meeting-labels';
import { hasDateCome, nextStepOf, type MeetingStep } from './meeting-status';

/** The heading takes focus once a step is taken: the button pressed (in the confirmation) has gone. */
export const PROGRESS_HEADING = 'meeting-progress-heading';
/** The button that opens the next step's confirmation; Cancel gives it the focus back. */
export const PROGRESS_TRIGGER = 'meeting-next-step';

/** What the step does, said beside its button. */
function explanation(meeting: MeetingSummary, step: MeetingStep, listed: number): string {
  switch (step) {
    case 'in_progress':
      return 'Start the meeting when it begins. Its agenda, its date and the agencies invited can then no longer be changed.';
    case 'minuted': {
      const due = `Minutes are due by ${formatDate(meeting.minutesDueDate)}.`;
      if (listed === 0) return `When the meeting is over, mark it as minuted. No case is on the agenda, so no hearing is recorded. ${due}`;
      return (
        `When the meeting is over, mark it as minuted: the ${formatCount(listed, 'case')} on the agenda ${listed === 1 ? 'is' : 'are'} recorded as heard on ` +
        `${formatLongDate(meeting.date)}, and where the area counts the 12-month repeat window from the last hearing, each case’s window ` +
        `starts from that date. ${due}`
      );
    }
    case 'closed':
      return 'Close the meeting when its minutes are finished and nothing more is to be recorded for it.';
  }
}

interface MeetingProgressProps {
  meeting: MeetingSummary;
  /** The cases on the agenda, which minuting records as heard. */
  listed: number;
  /** Today in London: a meeting is started on or after its date. */
  today: string;
  /** The confirmation of the step, while it is open. */
  children?: ReactNode;
  onChoose: (step: MeetingStep) => void;
}

/**
 * Where a meeting stands once its agenda is out, and its one next step (start, mark as minuted,
 * close) for the area's coordinators and chairs. A planned meeting's next step is publishing its
 * agenda, which the agenda offers.
 */
export function MeetingProgress({ meeting, listed, today, children, onChoose }: MeetingProgressProps) {
  if (meeting.status === 'planned') return null;
  const step = nextStepOf(meeting.status);
  const waiting = step === 'in_progress' && !hasDateCome(meeting.date, today);
  return (
    <section aria-labelledby={PROGRESS_HEADING} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={PROGRESS_HEADING} tabIndex={-1}>
        Next step
      </h2>
      {step === null ? (
        <p className="govuk-body">The meeting is closed. It has no further steps.</p>
      ) : waiting ? (
        <p className="govuk-body">The meeting can be started on its day, {formatLongDate(meeting.date)}.</p>
      ) : (
        <>
          <p className="govuk-body">{explanation(meeting, step, listed)}</p>
          <Button id={PROGRESS_TRIGGER} onClick={() => onChoose(step)}>
            {STEP_LABELS[step]}
          </Button>
        </>
      )}
      {children}
    </section>
  );
}
