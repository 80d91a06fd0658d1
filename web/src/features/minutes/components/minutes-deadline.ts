import { compareIsoDates, longDate, workingDaysBetween, type IsoDate } from '@marac/shared';
import type { TagColour } from '../../../components/ui/tag';
import { formatCount } from '../../../lib/format';
import { todayInLondon } from '../../../lib/today';

/** What the deadline is measured against: the meeting's date and due date, and the sign-off once there is one. */
export interface DeadlineFacts {
  meetingDate: IsoDate;
  dueDate: IsoDate;
  /** When the chair signed the minutes off (an instant), or null while they are not. */
  signedOffAt: string | null;
}

export interface DeadlineStatus {
  /** Short, for a tag: "Due in 2 working days", "Overdue by 1 working day", "Signed off on 19 March 2026". */
  text: string;
  colour: TagColour;
  /** Said after the tag once signed off: whether the deadline was met. */
  note: string | null;
}

/** The calendar day in London of an instant: the day the server counts deadlines in. */
export const londonDateOf = (timestamp: string): IsoDate => todayInLondon(new Date(timestamp));

const workingDays = (n: number) => formatCount(n, 'working day');

/**
 * Where the minutes stand against their deadline, counted in England and Wales working days with the
 * shared rules (the server set the due date with the same ones). The deadline is met by the chair's
 * sign-off; until then it counts down from `today` (in London), then up once passed.
 */
export function deadlineStatus({ dueDate, signedOffAt }: DeadlineFacts, today: IsoDate): DeadlineStatus {
  if (signedOffAt) {
    const on = londonDateOf(signedOffAt);
    const late = workingDaysBetween(dueDate, on);
    const text = `Signed off on ${longDate(on)}`;
    return late > 0 ? { text, colour: 'orange', note: `${workingDays(late)} after the deadline` } : { text, colour: 'green', note: 'within the deadline' };
  }
  if (compareIsoDates(today, dueDate) <= 0) {
    const left = workingDaysBetween(today, dueDate);
    return { text: left === 0 ? 'Due today' : `Due in ${workingDays(left)}`, colour: left <= 1 ? 'yellow' : 'blue', note: null };
  }
  // The day after a Friday deadline is past it by no working day yet, but is past it all the same.
  const over = workingDaysBetween(dueDate, today);
  return { text: over === 0 ? 'Overdue' : `Overdue by ${workingDays(over)}`, colour: 'red', note: null };
}

/** "3 working days after the meeting": how the area's deadline is set. */
export const deadlineRule = ({ meetingDate, dueDate }: DeadlineFacts): string => {
  const days = workingDaysBetween(meetingDate, dueDate);
  return days === 0 ? 'the day of the meeting' : `${workingDays(days)} after the meeting`;
};
