import type { MeetingSummary } from '@marac/shared';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { formatCount, formatLongDate } from '../../../lib/format';
import type { MeetingStep } from './meeting-status';

const HEADINGS: Record<MeetingStep, string> = {
  in_progress: 'Start the meeting?',
  minuted: 'Mark the meeting as minuted?',
  closed: 'Close the meeting?',
};

const CONFIRMS: Record<MeetingStep, string> = {
  in_progress: 'Yes, start the meeting',
  minuted: 'Yes, mark as minuted',
  closed: 'Yes, close the meeting',
};

function consequences(meeting: MeetingSummary, step: MeetingStep, listed: number): string {
  switch (step) {
    case 'in_progress':
      return 'The meeting becomes in progress: from then on its agenda, its date and the agencies invited can no longer be changed.';
    case 'minuted':
      if (listed === 0) return 'No case is on the agenda, so no hearing is recorded.';
      return (
        `The ${formatCount(listed, 'case')} on the agenda ${listed === 1 ? 'is' : 'are'} recorded as heard on ${formatLongDate(meeting.date)}. ` +
        'Where the area counts the 12-month repeat window from the last hearing, each case’s window starts from that date.'
      );
    case 'closed':
      return 'Closing is the meeting’s last step.';
  }
}

interface StatusConfirmationProps {
  meeting: MeetingSummary;
  step: MeetingStep;
  /** The cases on the agenda, which minuting records as heard. */
  listed: number;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second step before moving the meeting on: the server has no step back. */
export function StatusConfirmation({ meeting, step, listed, pending, onConfirm, onCancel }: StatusConfirmationProps) {
  return (
    <section className="app-confirmation" aria-labelledby="meeting-step-heading">
      <StepHeading id="meeting-step-heading">{HEADINGS[step]}</StepHeading>
      <p className="govuk-body">{consequences(meeting, step, listed)}</p>
      <p className="govuk-body">This cannot be undone.</p>
      <StepActions confirm={CONFIRMS[step]} pending={pending} onConfirm={onConfirm} onCancel={onCancel} />
    </section>
  );
}
