import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { refreshMeeting } from '../../../lib/api/query-keys';
import { meetingModeKeys } from '../api/meeting-mode-keys';

/** Whether the screen is following the meeting: the browser reconnects by itself after a break. */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** The case the chair has moved the meeting to, and when: the timer runs from then. */
export interface OpenedCase {
  itemId: string;
  caseId: string;
  position: number;
  openedAt: string;
}

export interface MeetingStream {
  connection: LiveConnection;
  current: OpenedCase | null;
  /** Starts following again after the server refused or closed the stream for good. */
  reconnect: () => void;
}

const CaseOpened = z.object({ caseId: z.string(), at: z.string(), itemId: z.string(), position: z.number() });
const CaseEvent = z.object({ caseId: z.string().nullable(), itemId: z.string().optional() });

// Events come in bursts (a reconnecting screen catches up on everything it missed): the caches they
// touch are read again once per burst, not once per event. Short enough to keep within the one second
// in which another screen's change must appear.
const BATCH_MS = 50;

/**
 * Follows the meeting as it happens over server-sent events (`/api/meetings/:id/live`). The server
 * sends only what the signed-in user may see (the cases their agency is invited for) and only once
 * they have signed the confidentiality statement, so `enabled` waits for the signature. On connecting,
 * the whole log so far is replayed, which tells a screen opened late where the meeting is; after a
 * break the browser sends the last event it saw (`Last-Event-ID`) and receives only what followed.
 */
export function useMeetingStream(meetingId: string, enabled: boolean): MeetingStream {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [current, setCurrent] = useState<OpenedCase | null>(null);
  const [attempt, setAttempt] = useState(0);
  const pending = useRef<{ items: Set<string>; meeting: boolean; timer: ReturnType<typeof setTimeout> | null }>({ items: new Set(), meeting: false, timer: null });

  useEffect(() => {
    if (!enabled) return;
    const batch = pending.current;
    const flush = () => {
      batch.timer = null;
      if (batch.meeting) void refreshMeeting(queryClient, meetingId);
      else for (const itemId of batch.items) void queryClient.invalidateQueries({ queryKey: meetingModeKeys.case(meetingId, itemId) });
      batch.items.clear();
      batch.meeting = false;
    };
    const later = () => {
      batch.timer ??= setTimeout(flush, BATCH_MS);
    };
    const changed = (itemId: string | undefined) => {
      // An event about a case names its agenda item; one without (a review, a step) concerns the meeting.
      if (itemId) batch.items.add(itemId);
      else batch.meeting = true;
      later();
    };

    const source = new EventSource(`/api/meetings/${encodeURIComponent(meetingId)}/live`);
    source.onopen = () => setConnection('live');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'stopped' : 'reconnecting');
    const read = (event: MessageEvent<string>): unknown => {
      try {
        return JSON.parse(event.data) as unknown;
      } catch {
        return null;
      }
    };
    source.addEventListener('case_opened', (event) => {
      const opened = CaseOpened.safeParse(read(event));
      if (!opened.success) return;
      const { itemId, caseId, position, at } = opened.data;
      setCurrent({ itemId, caseId, position, openedAt: at });
      // Opening a case makes other agencies' research visible to representatives: a case this screen has
      // read before (the chair going back to it, a replay after reconnecting) is read afresh. One never
      // read is read once, as it appears; marking it too would read it twice, each read an audited view.
      if (queryClient.getQueryState(meetingModeKeys.case(meetingId, itemId)) !== undefined) changed(itemId);
    });
    for (const kind of ['case_recorded', 'action_added']) {
      source.addEventListener(kind, (event) => {
        const parsed = CaseEvent.safeParse(read(event));
        if (parsed.success) changed(parsed.data.itemId);
      });
    }
    for (const kind of ['action_reviewed', 'meeting_status']) source.addEventListener(kind, () => changed(undefined));

    return () => {
      source.close();
      if (batch.timer) clearTimeout(batch.timer);
      batch.timer = null;
    };
  }, [meetingId, enabled, attempt, queryClient]);

  return {
    connection,
    current,
    reconnect: () => {
      setConnection('connecting');
      setAttempt((n) => n + 1);
    },
  };
}
