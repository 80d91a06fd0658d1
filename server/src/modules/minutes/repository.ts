/**
 * Minutes, generated from what was recorded at the meeting: attendance and sign-offs, the review of
 * earlier actions, and for each case what every agency shared, the risk analysis, the actions and the
 * outcome. The coordinator adds notes and case summaries, the chair signs them off, the coordinator
 * distributes them; each agency then reads only the cases it was invited for.
 */

import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { longDate, type EditMinutes, type Minutes, type MinutesCase, type MinutesContent } from '@marac/shared';
import type { Db } from '../../db/client';
import { actions, agencies, agendaItems, areas, cases, minutes, people, referrals, research, users, type meetings } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { packetItems } from '../agenda/packets';
import { actionsToReview } from '../agenda/read';
import { attendanceOf } from '../attendance/repository';
import { flagTags, referralFlags } from '../history/flags';
import { queueNotice } from '../mail/outbox';
import { screensArea } from '../referrals/access';
import { subjectsOf } from '../referrals/repository';
import { changeMeetingStatus } from '../meetings/status';

type MeetingRow = typeof meetings.$inferSelect;
type MinutesRow = typeof minutes.$inferSelect;

function casesOf(db: Db, user: SessionUser, meeting: MeetingRow, today: string): MinutesCase[] {
  const items = db
    .select({ item: agendaItems, caseReference: cases.reference, givenName: people.givenName, familyName: people.familyName, referral: referrals })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(people, eq(people.id, cases.victimPersonId))
    .innerJoin(referrals, eq(referrals.id, agendaItems.referralId))
    .where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed')))
    .orderBy(asc(agendaItems.position))
    .all();
  const tasks = db
    .select({ caseId: research.caseId, agencyId: research.agencyId, agencyName: agencies.name, row: research })
    .from(research)
    .innerJoin(agencies, eq(agencies.id, research.agencyId))
    .where(eq(research.meetingId, meeting.id))
    .orderBy(asc(agencies.name))
    .all();
  const agreed = db
    .select({ caseId: actions.caseId, agencyName: agencies.name, action: actions })
    .from(actions)
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .where(eq(actions.meetingId, meeting.id))
    .orderBy(asc(actions.createdAt))
    .all();
  return items.map(({ item, caseReference, givenName, familyName, referral }) => ({
    itemId: item.id,
    caseId: item.caseId,
    caseReference,
    position: item.position,
    victimName: `${givenName} ${familyName}`,
    flags: flagTags(referralFlags(db, user, referral, subjectsOf(db, referral.id), today, { forPacket: true })).map((f) => f.label),
    agencyIds: tasks.filter((t) => t.caseId === item.caseId).map((t) => t.agencyId),
    shared: tasks
      .filter((t) => t.caseId === item.caseId && (t.row.status === 'submitted' || t.row.status === 'not_known'))
      .map((t) => ({
        agencyName: t.agencyName,
        knownToAgency: t.row.knownToAgency,
        facts: t.row.facts,
        opinion: t.row.opinion,
        risksIdentified: t.row.risksIdentified,
        protectiveFactors: t.row.protectiveFactors,
      })),
    riskAnalysis: item.riskAnalysis,
    actions: agreed
      .filter((a) => a.caseId === item.caseId)
      .map(({ agencyName, action }) => ({ agencyName, ownerName: action.ownerName, description: action.description, linkedRisk: action.linkedRisk, category: action.category, dueDate: action.dueDate })),
    outcome: item.outcome,
    summary: null,
  }));
}

const rowOf = (db: Db, meetingId: string): MinutesRow | undefined => db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();

function view(db: Db, row: MinutesRow, content: MinutesContent = row.content as MinutesContent): Minutes {
  const signer = row.signedOffBy ? db.select({ name: users.name }).from(users).where(eq(users.id, row.signedOffBy)).get()?.name ?? null : null;
  return { meetingId: row.meetingId, status: row.status, content, signedOffAt: row.signedOffAt, signedOffByName: signer, distributedAt: row.distributedAt, updatedAt: row.updatedAt };
}

/** Builds the minutes from the record, keeping the coordinator's notes and summaries from an earlier draft. */
export function generateMinutes(db: Db, user: SessionUser, meeting: MeetingRow, today: string, now: Date): Minutes {
  if (meeting.status === 'closed') throw conflict('The meeting is closed: its minutes can no longer be generated');
  if (meeting.status !== 'in_progress' && meeting.status !== 'minuted') throw conflict('Minutes are written once the meeting has started');
  const existing = rowOf(db, meeting.id);
  if (existing && existing.status !== 'draft') throw conflict('The minutes have been signed off: they can no longer be regenerated');
  const before = existing?.content as MinutesContent | undefined;
  const area = db.select({ name: areas.name }).from(areas).where(eq(areas.id, meeting.areaId)).get();
  const content: MinutesContent = {
    areaName: area?.name ?? '',
    date: meeting.date,
    startTime: meeting.startTime,
    location: meeting.location,
    minutesDueDate: meeting.minutesDueDate,
    attendance: attendanceOf(db, meeting.id).map((a) => ({ name: a.name, agencyName: a.agencyName, kind: a.kind, informationSent: a.informationSent, signedAt: a.signedAt })),
    reviews: actionsToReview(db, meeting).map((r) => ({ caseReference: r.caseReference, agencyId: r.agencyId, agencyName: r.agencyName, description: r.description, dueDate: r.dueDate, status: r.status, outcome: r.outcome })),
    cases: casesOf(db, user, meeting, today).map((c) => ({ ...c, summary: before?.cases.find((b) => b.itemId === c.itemId)?.summary ?? null })),
    notes: before?.notes ?? null,
  };
  const at = now.toISOString();
  if (existing) db.update(minutes).set({ content, editedBy: user.id, updatedAt: at }).where(eq(minutes.id, existing.id)).run();
  else db.insert(minutes).values({ id: newId(), meetingId: meeting.id, status: 'draft', content, editedBy: user.id, signedOffBy: null, signedOffAt: null, distributedAt: null, updatedAt: at }).run();
  return view(db, rowOf(db, meeting.id) as MinutesRow);
}

export function editMinutes(db: Db, user: SessionUser, meeting: MeetingRow, edits: EditMinutes, now: Date): Minutes {
  const row = rowOf(db, meeting.id);
  if (!row) throw notFound('minutes');
  if (row.status !== 'draft') throw conflict('The minutes have been signed off: they can no longer be edited');
  const content = row.content as MinutesContent;
  const summaries = new Map(edits.cases.map((c) => [c.itemId, c.summary]));
  const next: MinutesContent = { ...content, notes: edits.notes, cases: content.cases.map((c) => (summaries.has(c.itemId) ? { ...c, summary: summaries.get(c.itemId) ?? null } : c)) };
  db.update(minutes).set({ content: next, editedBy: user.id, updatedAt: now.toISOString() }).where(eq(minutes.id, row.id)).run();
  return view(db, rowOf(db, meeting.id) as MinutesRow);
}

/** The chair signs off the minutes; the meeting is then minuted (its cases heard). */
export function signOffMinutes(db: Db, user: SessionUser, meeting: MeetingRow, today: string, now: Date): Minutes {
  const row = rowOf(db, meeting.id);
  if (!row) throw notFound('minutes');
  if (row.status !== 'draft') throw conflict('The minutes are already signed off');
  const at = now.toISOString();
  db.update(minutes).set({ status: 'signed_off', signedOffBy: user.id, signedOffAt: at, updatedAt: at }).where(eq(minutes.id, row.id)).run();
  if (meeting.status === 'in_progress') changeMeetingStatus(db, meeting, 'minuted', today);
  return view(db, rowOf(db, meeting.id) as MinutesRow);
}

/** Sends each agency with cases in the minutes a notice (a link and a count) and opens the minutes to them. */
export function distributeMinutes(db: Db, meeting: MeetingRow, now: Date, publicUrl: string): { minutes: Minutes; notices: number } {
  const row = rowOf(db, meeting.id);
  if (!row || row.status !== 'signed_off') throw conflict('The chair signs the minutes off before they are distributed');
  const at = now.toISOString();
  db.update(minutes).set({ status: 'distributed', distributedAt: at, updatedAt: at }).where(eq(minutes.id, row.id)).run();
  const content = row.content as MinutesContent;
  const perAgency = new Map<string, number>();
  for (const c of content.cases) for (const id of c.agencyIds) perAgency.set(id, (perAgency.get(id) ?? 0) + 1);
  const boxes = perAgency.size ? db.select({ id: agencies.id, email: agencies.secureEmail }).from(agencies).where(inArray(agencies.id, [...perAgency.keys()])).all() : [];
  let notices = 0;
  for (const box of boxes) {
    if (!box.email) continue;
    const n = perAgency.get(box.id) ?? 0;
    const queued = queueNotice(
      db,
      {
        recipient: box.email,
        subject: `MARAC minutes: ${content.areaName}, ${longDate(meeting.date)}`,
        body: [
          `The minutes of the ${content.areaName} MARAC on ${longDate(meeting.date)} are ready: ${n} ${n === 1 ? 'case' : 'cases'} for your agency.`,
          `Sign in to read them: ${publicUrl.replace(/\/$/, '')}/meetings/${meeting.id}/minutes`,
        ].join('\n\n'),
        dedupeKey: `minutes:${meeting.id}:${box.id}`,
      },
      now,
    );
    if (queued) notices += 1;
  }
  return { minutes: view(db, rowOf(db, meeting.id) as MinutesRow), notices };
}

/**
 * The minutes as this person may read them: whole for the area's coordinators and chairs; once
 * distributed, for a representative only the cases their agency was invited for and not barred from.
 */
export function minutesFor(db: Db, user: SessionUser, meeting: MeetingRow): Minutes {
  const row = rowOf(db, meeting.id);
  if (!row) throw notFound('minutes');
  if (screensArea(user, meeting.areaId)) return view(db, row);
  if (row.status !== 'distributed' || !user.agencyId) throw notFound('minutes');
  const readable = new Set(packetItems(db, user, meeting).map((i) => i.caseId));
  const content = row.content as MinutesContent;
  const theirs = content.cases.filter((c) => readable.has(c.caseId) && c.agencyIds.includes(user.agencyId as string));
  // The review of earlier actions names cases and what agencies were to do: an agency reads the reviews
  // of its own actions only, as it reads only the cases it was invited for.
  const reviews = content.reviews.filter((r) => r.agencyId === user.agencyId);
  return view(db, row, { ...content, reviews, cases: theirs.map((c) => ({ ...c, agencyIds: [] })) });
}
