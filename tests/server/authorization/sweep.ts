/**
 * Every route of the app's own route table, called as every user of the world (and as nobody), with
 * every id of the kind each parameter takes. Every request runs inside a transaction rolled back once
 * it is answered, so each one meets the world exactly as it was built — a change that succeeds changes
 * nothing for the next call — and what a change sends (e-mails, notifications) is read before the
 * rollback.
 *
 * Reads are judged against the oracle in full: no token the reader may not see, no reference of a case
 * they are barred from (and, in their notifications, of a case outside their need-to-know). Answers to
 * changes, and what the changes send, are judged for bars only: the world a change leaves is not the
 * one the oracle describes (a coordinator confirming a match is shown the person they picked), but no
 * change may ever hand anyone anything of a case they are barred from. Streams are followed through
 * `live.ts`; PDFs are read as text.
 */

import { PDFParse } from 'pdf-parse';
import { deliverOutbox } from '../../../server/src/modules/mail/outbox';
import type { Agent } from '../helper';
import type { WorldContext } from './app';
import type { WorldBuilder } from './build';
import { IDENTITY_MATCHING, judgeCaseIds, judgeText, type Leak, type Strictness } from './judge';
import { openStream, parseFrames } from './live';
import { Oracle, type UserInfo, type Viewer } from './oracle';
import { findTokens } from './tokens';
import { BODIES, CHANGE_QUERIES, QUERIES, catalogue, combinations, fill, paramsOf, type CallContext, type Catalogue, type Param } from './routes';

type Response = Awaited<ReturnType<Agent['request']>>;

export interface SweepFigures {
  routes: number;
  streamingRoutes: string[];
  /** Requests sent by the sweep: every route × caller × id combination (× body or query), and the notification reads after changes. */
  requests: number;
  reads: number;
  changes: number;
  answered2xx: number;
  /** Answered 429: a sweep refused by the request limit judges nothing, so there must be none. */
  rateLimited: number;
  serverErrors: { request: string; status: number; body: string }[];
  /** Changes sent only an empty body (no plausible body is listed for them in routes.ts). */
  emptyBodies: string[];
  /** Distinct tokens read in answers: proof the sweep sees personal data where it is allowed. */
  tokensSeen: number;
}

interface Caller {
  user: UserInfo | null;
  viewer: Viewer;
  agent: Agent;
}

const NOBODY: Viewer = { label: 'nobody (not signed in)', userId: null, parties: [], agencyId: null, staffAreas: [], repAreas: [] };

/** Routes the app documents as server-sent events (their 200 answer is `text/event-stream`). */
async function streamingRoutes(world: WorldContext): Promise<Set<string>> {
  const doc = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> }>();
  const found = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (operation.responses?.['200']?.description === 'text/event-stream') found.add(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
    }
  }
  return found;
}

async function textOf(response: Response): Promise<string> {
  if (String(response.headers['content-type'] ?? '').startsWith('application/pdf')) {
    const parser = new PDFParse({ data: new Uint8Array(response.rawPayload) });
    try {
      return (await parser.getText()).text;
    } finally {
      await parser.destroy();
    }
  }
  return response.body;
}

export class Sweep {
  readonly leaks: Leak[] = [];
  readonly figures: SweepFigures = { routes: 0, streamingRoutes: [], requests: 0, reads: 0, changes: 0, answered2xx: 0, rateLimited: 0, serverErrors: [], emptyBodies: [], tokensSeen: 0 };
  private readonly seen = new Set<string>();
  private readonly oracle: Oracle;
  private readonly callers: Caller[];
  private cat!: Catalogue;

  constructor(
    private readonly world: WorldContext,
    private readonly builder: WorldBuilder,
  ) {
    this.oracle = new Oracle(builder.facts, builder.facts.step);
    const anonymous: Agent = { cookie: '', csrfToken: '', request: (options) => world.app.inject(options) };
    this.callers = [
      ...builder.users.map((user) => ({ user, viewer: builder.facts.userViewer(user), agent: builder.agents.get(user.id) as Agent })),
      { user: null, viewer: NOBODY, agent: anonymous },
    ];
  }

  async run(): Promise<void> {
    const routes = this.world.app.apiRoutes;
    // Every parameter must have a kind before anything is sent: a new route is named, not skipped.
    const planned = routes.map((route) => ({ route, params: paramsOf(route.method, route.url) }));
    const streaming = await streamingRoutes(this.world);
    this.figures.routes = routes.length;
    this.figures.streamingRoutes = [...streaming];
    this.cat = catalogue(this.world.database);
    const reads = planned.filter((p) => p.route.method === 'GET');
    const changes = planned.filter((p) => p.route.method !== 'GET');
    for (const { route, params } of reads) await this.read(route.url, params, streaming.has(`GET ${route.url}`));
    for (const { route, params } of changes) await this.change(route.method, route.url, params);
  }

  private sent = 0;

  /**
   * Each request comes from an address of its own: the platform's limit of requests per address and
   * minute is for people, and tens of thousands of calls in a few seconds would otherwise be answered
   * 429 after the first few hundred, so no change would ever be made and judged.
   */
  private address(): string {
    this.sent += 1;
    return `10.${(this.sent >> 16) & 255}.${(this.sent >> 8) & 255}.${this.sent & 255}`;
  }

  private context(params: Record<string, string>, user: UserInfo | null): CallContext {
    return { params, user, cat: this.cat, users: this.builder.users, areaIds: this.builder.facts.areas.map((a) => a.id), today: this.builder.today() };
  }

  /** Runs `work` in a transaction that is always rolled back: the world stays as built. */
  private async isolated<T>(work: () => Promise<T>): Promise<T> {
    const { sqlite } = this.world.database;
    sqlite.exec('BEGIN');
    try {
      return await work();
    } finally {
      sqlite.exec('ROLLBACK');
    }
  }

  private note(request: string, response: Response): boolean {
    this.figures.requests += 1;
    if (response.statusCode >= 500) this.figures.serverErrors.push({ request, status: response.statusCode, body: response.body.slice(0, 200) });
    if (response.statusCode === 429) this.figures.rateLimited += 1;
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    if (ok) this.figures.answered2xx += 1;
    return ok;
  }

  private async judge(caller: Caller, text: string, strictness: Strictness, where: string, route: string, notices = false): Promise<void> {
    const context = { channel: notices ? ('notification' as const) : ('response' as const), where, route, step: this.builder.facts.step };
    for (const token of findTokens(text, this.builder.facts.tokens)) this.seen.add(token.value);
    this.figures.tokensSeen = this.seen.size;
    this.leaks.push(...judgeText(this.builder.facts, this.oracle, caller.viewer, text, strictness, context, { noticeReferences: notices }));
  }

  private async read(url: string, params: Param[], streams: boolean): Promise<void> {
    const combos = combinations(params, this.cat, true);
    for (const combo of combos) {
      for (const caller of this.callers) {
        const queries = QUERIES[url]?.(this.context(combo, caller.user)) ?? [''];
        for (const query of queries) {
          const path = `${fill(url, combo)}${query}`;
          const request = `GET ${path} as ${caller.viewer.label}`;
          this.figures.reads += 1;
          if (streams) {
            await this.follow(caller, path, request, url, params, combo);
            continue;
          }
          const response = await this.isolated(() => caller.agent.request({ method: 'GET', url: path, remoteAddress: this.address() }));
          if (!this.note(request, response)) continue;
          await this.judge(caller, await textOf(response), IDENTITY_MATCHING.test(url) ? 'matching' : 'need-to-know', request, url, url === '/api/notifications');
        }
      }
    }
  }

  /** A live stream: what it sends on connecting is every event of the meeting the caller may follow. */
  private async follow(caller: Caller, path: string, request: string, url: string, params: Param[], combo: Record<string, string>): Promise<void> {
    const meetingId = combo[params.find((p) => p.kind === 'meeting')?.name ?? ''] ?? '';
    await this.isolated(async () => {
      const opened = await openStream(this.world.database, caller.agent, caller.user?.id ?? '', path);
      if (opened.answered) {
        this.note(request, opened.answered);
        return;
      }
      this.figures.requests += 1;
      this.figures.answered2xx += 1;
      for (const frame of parseFrames(await opened.close())) {
        const caseId = frame.data['caseId'];
        if (typeof caseId !== 'string') continue;
        const reference = this.builder.facts.cases.get(caseId)?.reference ?? caseId;
        const leak = { channel: 'live' as const, where: `${request}: event ${frame.seq} (${frame.event})`, route: url, step: this.builder.facts.step, viewer: caller.viewer.label, found: `case id ${caseId}`, belongsTo: `case ${reference}`, caseId };
        if (this.oracle.barredFromCase(caller.viewer, caseId)) this.leaks.push({ ...leak, reason: 'barred' });
        else if (!this.oracle.allowedAtMeeting(caller.viewer, caseId, meetingId)) this.leaks.push({ ...leak, reason: 'outside need-to-know' });
      }
    });
  }

  private async change(method: string, url: string, params: Param[]): Promise<void> {
    const key = `${method} ${url}`;
    const bodies = BODIES[key];
    if (!bodies) this.figures.emptyBodies.push(key);
    for (const combo of combinations(params, this.cat, false)) {
      for (const caller of this.callers) {
        const path = `${fill(url, combo)}${CHANGE_QUERIES[key]?.(this.context(combo, caller.user)) ?? ''}`;
        for (const body of bodies ? bodies(this.context(combo, caller.user)) : [{}]) {
          const request = `${method} ${path} as ${caller.viewer.label}`;
          this.figures.changes += 1;
          await this.isolated(async () => {
            const { sqlite } = this.world.database;
            const lastNotification = (sqlite.prepare('select coalesce(max(rowid), 0) as n from notifications').get() as { n: number }).n;
            const response = await caller.agent.request({ method: method as 'POST', url: path, remoteAddress: this.address(), ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
            if (!this.note(request, response)) return;
            await this.judge(caller, await textOf(response), 'bars', `${request} ${JSON.stringify(body ?? null).slice(0, 120)}`, url);
            await this.sentBy(request, url, lastNotification);
          });
        }
      }
    }
  }

  /** What a change sent: e-mails as they go, and each notified person's notifications as they read them. */
  private async sentBy(request: string, url: string, lastNotification: number): Promise<void> {
    const { database, clock } = this.world;
    const sent: { to: string; subject: string; text: string }[] = [];
    await deliverOutbox(database.db, { send: async (m) => void sent.push(m) }, clock.now);
    const facts = this.builder.facts;
    for (const message of sent) {
      const viewer = facts.addressViewer(message.to);
      const context = { channel: 'e-mail' as const, where: `e-mail to ${message.to} after ${request}: "${message.subject}"`, route: url, step: facts.step };
      this.leaks.push(...judgeText(facts, this.oracle, viewer, `${message.subject}\n${message.text}`, 'bars', context));
      const row = database.sqlite.prepare('select case_ids as caseIds from outbox where recipient = ? and subject = ? order by rowid desc').get(message.to, message.subject) as { caseIds: string } | undefined;
      this.leaks.push(...judgeCaseIds(facts, this.oracle, viewer, JSON.parse(row?.caseIds ?? '[]') as string[], 'bars', context));
    }
    const told = database.sqlite.prepare('select distinct user_id as userId from notifications where rowid > ?').all(lastNotification) as { userId: string }[];
    for (const { userId } of told) {
      const caller = this.callers.find((c) => c.user?.id === userId);
      if (!caller) continue;
      const response = await caller.agent.request({ method: 'GET', url: '/api/notifications?limit=200', remoteAddress: this.address() });
      const where = `notifications of ${caller.viewer.label} after ${request}`;
      if (this.note(where, response)) await this.judge(caller, response.body, 'bars', where, url, true);
    }
  }
}
