/**
 * Following a server-sent-events route through `inject`, without a listening server and without
 * waiting on the wall clock. The route hijacks the reply and keeps it open; it ends the stream when
 * the session it was opened with ends. So: start the request, let the event loop turn until either the
 * request has been answered (refused) or the route has recorded, in the audit trail, that it started
 * following (everything it had to send at that moment is written in the same synchronous stretch), then
 * sign that session out and collect what was written.
 */

import type { Database_ } from '../../../server/src/db/client';
import type { Agent } from '../helper';

export interface Frame {
  seq: number;
  event: string;
  data: Record<string, unknown>;
}

type Response = Awaited<ReturnType<Agent['request']>>;

export interface Opened {
  /** The answer, when the route refused (or answered without streaming). */
  answered: Response | null;
  /** Ends a stream that was opened and returns what it sent. */
  close(): Promise<string>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A bound on the loop, not a time: a route that neither answers nor starts is a bug to report. */
const MAX_TURNS = 10_000;

export async function openStream(database: Database_, agent: Agent, userId: string, url: string, headers: Record<string, string> = {}): Promise<Opened> {
  const latestAudit = () => (database.sqlite.prepare('select coalesce(max(rowid), 0) as n from audit_events where user_id = ?').get(userId) as { n: number }).n;
  const before = latestAudit();
  const state: { answered: Response | null; failed: unknown } = { answered: null, failed: null };
  const pending = agent.request({ method: 'GET', url, headers });
  pending.then(
    (r) => {
      state.answered = r;
    },
    (e: unknown) => {
      state.failed = e ?? new Error(`GET ${url} failed`);
    },
  );
  for (let i = 0; ; i++) {
    await turn();
    if (state.failed) throw state.failed;
    if (state.answered) return { answered: state.answered, close: async () => '' };
    if (latestAudit() > before) break;
    if (i > MAX_TURNS) throw new Error(`GET ${url} neither answered nor started streaming`);
  }
  let ended = false;
  void pending.then(() => {
    ended = true;
  });
  return {
    answered: null,
    close: async () => {
      // A stream whose session has already ended (it expired, say) has closed itself.
      if (!ended) {
        const out = await agent.request({ method: 'POST', url: '/api/auth/logout' });
        if (out.statusCode !== 204) throw new Error(`signing out to end the stream ${url} answered ${out.statusCode}`);
      }
      return (await pending).payload;
    },
  };
}

export function parseFrames(text: string): Frame[] {
  const frames: Frame[] = [];
  for (const block of text.split('\n\n')) {
    const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
    const event = field('event');
    if (!event) continue;
    frames.push({ seq: Number(field('id')), event, data: JSON.parse(field('data') ?? '{}') as Record<string, unknown> });
  }
  return frames;
}
