import type { MeetingStatus } from '@marac/shared';
import { formatDate, formatTime } from '../../../lib/format';

/** The server records attendance from planning until the meeting is minuted. */
const RECORDING: readonly MeetingStatus[] = ['planned', 'agenda_published', 'in_progress'];
export const isRecording = (status: MeetingStatus): boolean => RECORDING.includes(status);

/** The statement is signed for a meeting about to start (its agenda out) or under way. */
const SIGNING: readonly MeetingStatus[] = ['agenda_published', 'in_progress'];
export const isSigning = (status: MeetingStatus): boolean => SIGNING.includes(status);

/** "09:12 on 17 March 2026": when a statement was signed. */
export const signedWhen = (timestamp: string): string => `${formatTime(timestamp)} on ${formatDate(timestamp)}`;
