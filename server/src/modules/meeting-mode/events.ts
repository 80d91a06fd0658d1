/**
 * The meeting's event log and the screens following it. An event is written in the same transaction
 * as the change it tells of; once that commits, the screens following the meeting are woken and each
 * reads what is new for it. A screen that reconnects names the last event it saw and catches up from
 * the log, so nothing is lost between connections.
 */

import { EventEmitter } from 'node:events';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meetingEvents } from '../../db/schema';

export type MeetingEventKind = 'meeting_status' | 'case_opened' | 'case_recorded' | 'action_added' | 'action_reviewed';

export interface MeetingEvent {
  seq: number;
  caseId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  at: string;
}

/** Wakes the screens of a meeting after a change commits; one emitter per process. */
const wake = new EventEmitter();
wake.setMaxListeners(0);

export function recordEvent(db: Db, meetingId: string, caseId: string | null, kind: MeetingEventKind, payload: Record<string, unknown>, at: Date): void {
  db.insert(meetingEvents).values({ meetingId, caseId, kind, payload, at: at.toISOString() }).run();
}

/** Called after the transaction that recorded events for the meeting has committed. */
export function announce(meetingId: string): void {
  wake.emit(meetingId);
}

export function eventsAfter(db: Db, meetingId: string, afterSeq: number, limit = 500): MeetingEvent[] {
  return db
    .select({ seq: meetingEvents.seq, caseId: meetingEvents.caseId, kind: meetingEvents.kind, payload: meetingEvents.payload, at: meetingEvents.at })
    .from(meetingEvents)
    .where(and(eq(meetingEvents.meetingId, meetingId), gt(meetingEvents.seq, afterSeq)))
    .orderBy(asc(meetingEvents.seq))
    .limit(limit)
    .all();
}

export function follow(meetingId: string, onChange: () => void): () => void {
  wake.on(meetingId, onChange);
  return () => wake.off(meetingId, onChange);
}
