/**
 * Each agency's research for the cases it is invited for. Before the meeting an agency sees only its
 * own research; it can change it, as a draft or submitted, until the meeting starts, and every save is
 * kept as a revision. Several people of one agency may work on a task, so a save names the version it
 * started from and one over a newer save is refused.
 */

import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { longDate, researchProblems, type ChaseResult, type ResearchGrid, type ResearchHistory, type ResearchInput, type ResearchTask } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, cases, research, researchRevisions, users, type meetings } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { queueNotice } from '../mail/outbox';
import { packetItems } from '../agenda/packets';
import { mayReceive } from '../cases/policy';
import { claimVersion } from '../../db/versions';
import { areaNameOf } from '../../db/names';

type MeetingRow = typeof meetings.$inferSelect;
type ResearchRow = typeof research.$inferSelect;

/** Research is open from publication until the meeting starts. */
const RESEARCH_OPEN: readonly MeetingRow['status'][] = ['agenda_published'];

const positions = (db: Db, meetingId: string) =>
  new Map(
    db
      .select({ caseId: agendaItems.caseId, position: agendaItems.position })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.status, 'removed')))
      .all()
      .map((i) => [i.caseId, i.position]),
  );

function taskView(row: ResearchRow & { caseReference: string }, meeting: MeetingRow, position: number | null): ResearchTask {
  const { caseReference, withdrawnAt: _withdrawn, withdrawnBarId: _bar, ...task } = row;
  return { ...task, caseReference, position, editable: RESEARCH_OPEN.includes(meeting.status) };
}

/** The representative's own agency's research tasks for the meeting, in agenda order. */
export function ownResearch(db: Db, user: SessionUser, meeting: MeetingRow): ResearchTask[] {
  if (!user.agencyId) return [];
  // Only cases whose packet the policy lets the user read: nothing of a case a bar names them on.
  const readable = new Set(packetItems(db, user, meeting).map((i) => i.caseId));
  const order = positions(db, meeting.id);
  return db
    .select({ row: research, caseReference: cases.reference })
    .from(research)
    .innerJoin(cases, eq(cases.id, research.caseId))
    .where(and(eq(research.meetingId, meeting.id), eq(research.agencyId, user.agencyId), isNull(research.withdrawnAt)))
    .all()
    .filter((r) => readable.has(r.row.caseId))
    .map((r) => taskView({ ...r.row, caseReference: r.caseReference }, meeting, order.get(r.row.caseId) ?? null))
    .sort((a, b) => (a.position ?? 999) - (b.position ?? 999));
}

function ownTask(db: Db, user: SessionUser, meeting: MeetingRow, caseId: string): ResearchRow {
  const readable = user.agencyId ? packetItems(db, user, meeting).some((i) => i.caseId === caseId) : false;
  const row = readable
    ? db.select().from(research).where(and(eq(research.meetingId, meeting.id), eq(research.caseId, caseId), eq(research.agencyId, user.agencyId as string), isNull(research.withdrawnAt))).get()
    : undefined;
  if (!row) throw notFound('research task');
  return row;
}

/** Saves a draft or submits. Refused once the meeting has started: research is for before it. */
export function saveResearch(db: Db, user: SessionUser, meeting: MeetingRow, caseId: string, input: ResearchInput, now: Date): ResearchTask {
  const task = ownTask(db, user, meeting, caseId);
  if (!RESEARCH_OPEN.includes(meeting.status)) {
    throw conflict('The meeting has started: research can no longer be changed. Share anything new at the meeting.');
  }
  const version = claimVersion(db, research, task.id, input.version, 'your agency’s research for this case');
  const problems = researchProblems(input);
  if (problems.length) throw invalid(problems);
  const at = now.toISOString();
  const { submit, version: _from, ...content } = input;
  const status: ResearchRow['status'] = submit ? (input.knownToAgency === false ? 'not_known' : 'submitted') : 'draft';
  const changes = { ...content, status, submittedAt: submit ? at : task.submittedAt, updatedAt: at, version };
  db.update(research).set(changes).where(eq(research.id, task.id)).run();
  db.insert(researchRevisions).values({ id: newId(), researchId: task.id, status, content, savedBy: user.id, savedAt: at }).run();
  const reference = db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId)).get()?.reference ?? '';
  return taskView({ ...task, ...changes, caseReference: reference }, meeting, positions(db, meeting.id).get(caseId) ?? null);
}

export function researchHistory(db: Db, user: SessionUser, meeting: MeetingRow, caseId: string): ResearchHistory {
  const task = ownTask(db, user, meeting, caseId);
  return db
    .select({ id: researchRevisions.id, status: researchRevisions.status, savedAt: researchRevisions.savedAt, savedByName: users.name, content: researchRevisions.content })
    .from(researchRevisions)
    .leftJoin(users, eq(users.id, researchRevisions.savedBy))
    .where(eq(researchRevisions.researchId, task.id))
    .orderBy(asc(researchRevisions.savedAt))
    .all()
    .map((r) => ({ ...r, content: r.content as ResearchHistory[number]['content'] }));
}

/**
 * Cases × agencies with each task's status, for the coordinator and chair, and what any agency holds
 * but will not share, with its reason: theirs alone to weigh. Research withdrawn under a bar is not
 * counted; the agenda says who was withdrawn and why.
 */
export function researchGrid(db: Db, user: SessionUser, meeting: MeetingRow): ResearchGrid {
  const items = packetItems(db, user, meeting).map(({ caseId, position, caseReference }) => ({ caseId, position, caseReference }));
  const shown = new Set(items.map((i) => i.caseId));
  const tasks = db
    .select({ caseId: research.caseId, agencyId: research.agencyId, status: research.status, withheld: research.withheld, withheldReason: research.withheldReason })
    .from(research)
    .where(and(eq(research.meetingId, meeting.id), isNull(research.withdrawnAt)))
    .all()
    .filter((t) => shown.has(t.caseId));
  const agencyIds = [...new Set(tasks.map((t) => t.agencyId))];
  const named = agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)).orderBy(asc(agencies.name)).all() : [];
  return {
    researchDeadline: meeting.researchDeadline,
    agencies: named,
    cases: items.map((item) => ({
      ...item,
      statuses: Object.fromEntries(tasks.filter((t) => t.caseId === item.caseId).map((t) => [t.agencyId, t.status])),
    })),
    outstanding: tasks.filter((t) => t.status === 'not_started' || t.status === 'draft').length,
    heldBack: items.flatMap((item) =>
      tasks
        .filter((t) => t.caseId === item.caseId && t.withheld && (t.status === 'submitted' || t.status === 'not_known'))
        .map((t) => ({ caseId: item.caseId, caseReference: item.caseReference, agencyName: named.find((a) => a.id === t.agencyId)?.name ?? '', withheld: t.withheld as string, reason: t.withheldReason })),
    ),
  };
}

/** Reminds every agency with research outstanding, once a day at most; a link and counts only. */
export function chaseResearch(db: Db, meeting: MeetingRow, today: string, now: Date, publicUrl: string): ChaseResult {
  if (!RESEARCH_OPEN.includes(meeting.status)) throw conflict('Research can only be chased between publication and the start of the meeting');
  const open = db
    .select({ agencyId: research.agencyId, caseId: research.caseId })
    .from(research)
    .where(and(eq(research.meetingId, meeting.id), inArray(research.status, ['not_started', 'draft']), isNull(research.withdrawnAt)))
    .all();
  const perAgency = new Map<string, string[]>();
  for (const t of open) perAgency.set(t.agencyId, [...(perAgency.get(t.agencyId) ?? []), t.caseId]);
  const areaName = areaNameOf(db, meeting.areaId);
  const boxes = perAgency.size
    ? db.select({ id: agencies.id, email: agencies.secureEmail }).from(agencies).where(inArray(agencies.id, [...perAgency.keys()])).all()
    : [];
  let chased = 0;
  for (const box of boxes) {
    const caseIds = perAgency.get(box.id) ?? [];
    if (!box.email || !mayReceive(db, { agencyId: box.id, email: box.email }, caseIds)) continue;
    const n = caseIds.length;
    const queued = queueNotice(
      db,
      {
        recipient: box.email,
        subject: `MARAC research outstanding: ${areaName ?? 'MARAC'}, ${longDate(meeting.date)}`,
        body: [
          `Your agency has ${n} research ${n === 1 ? 'task' : 'tasks'} for the ${areaName ?? ''} MARAC on ${longDate(meeting.date)} not yet submitted, due by ${longDate(meeting.researchDeadline)}.`,
          `Sign in to complete ${n === 1 ? 'it' : 'them'}: ${publicUrl.replace(/\/$/, '')}/meetings/${meeting.id}`,
        ].join('\n\n'),
        dedupeKey: `research-chase:${meeting.id}:${box.id}:${today}`,
        caseIds,
      },
      now,
    );
    if (queued) chased += 1;
  }
  return { agenciesChased: chased, tasksOutstanding: open.length };
}
