import type { MeetingStatus } from '@marac/shared';

/**
 * A meeting that has not started: the server lets its coordinator move it, change its agenda and
 * invite agencies, and lets a case be moved to it.
 */
const OPEN_FOR_CHANGES: readonly MeetingStatus[] = ['planned', 'agenda_published'];

export const isOpenForChanges = (status: MeetingStatus): boolean => OPEN_FOR_CHANGES.includes(status);
