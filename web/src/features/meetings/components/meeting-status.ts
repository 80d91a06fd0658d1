import { compareIsoDates, type MeetingStatus, type MeetingStatusChange } from '@marac/shared';

/**
 * A meeting that has not started: the server lets its coordinator move it, change its agenda and
 * invite agencies, and lets a case be moved to it.
 */
const OPEN_FOR_CHANGES: readonly MeetingStatus[] = ['planned', 'agenda_published'];

export const isOpenForChanges = (status: MeetingStatus): boolean => OPEN_FOR_CHANGES.includes(status);

/** A step a meeting takes after its agenda is published. */
export type MeetingStep = MeetingStatusChange['status'];

/**
 * The one step the server accepts from each status, in order. A planned meeting's next step is
 * publishing its agenda, an agenda step; a closed meeting has none.
 */
const NEXT_STEP: Readonly<Partial<Record<MeetingStatus, MeetingStep>>> = {
  agenda_published: 'in_progress',
  in_progress: 'minuted',
  minuted: 'closed',
};

export const nextStepOf = (status: MeetingStatus): MeetingStep | null => NEXT_STEP[status] ?? null;

/** The server starts a meeting on or after its date, the date in London (`today`). */
export const hasDateCome = (meetingDate: string, today: string): boolean => compareIsoDates(today, meetingDate) >= 0;
