/**
 * Minutes, generated from what was recorded at the meeting: attendance and sign-offs, the review of
 * earlier actions, and for each case what every agency shared, the risk analysis, the actions and the
 * outcome. The coordinator adds notes and case summaries, the chair signs them off, the coordinator
 * distributes them; each agency then reads only the cases it was invited for. Each of these steps
 * names the version of the minutes it started from: the chair never signs off words they were not
 * shown, and an edit never undoes another made meanwhile.
 */

import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { longDate, type EditMinutes, type FieldError, type Minutes, type MinutesCase, type MinutesContent } from '@marac/shared';
import type { Db } from '../../db/client';
import { actions, agencies, agendaItems, cases, meetings, minutes, people, research, users } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { actionsToReview, caseFlagsNow, listedReferrals } from '../agenda/read';
import { attendanceOf } from '../attendance/repository';
import { admitListed, barredCases, grantCases, mayReceive, partyOf, staffOf } from '../cases/policy';
import { flagTags } from '../history/flags';
import { queueNotice } from '../mail/outbox';
import { changeMeetingStatus } from '../meetings/status';
import { claimVersion } from '../../db/versions';
import { areaNameOf } from '../../db/names';

type MeetingRow = typeof meetings.$inferSelect;
type MinutesRow = typeof minutes.$inferSelect;

function casesOf(db: Db, user: SessionUser, meeting: MeetingRow, today: string): MinutesCase[] {
  const items = db
    .select({ item: agendaItems, caseReference: cases.reference, givenName: people.givenName, familyName: people.familyName })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(people, eq(people.id, cases.victimPersonId))
    .where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed')))
    .orderBy(asc(agendaItems.position))
    .all();
  const listed = listedReferrals(
    db,
    items.map((i) => i.item.id),
  );
  // Research withdrawn when a bar came to name its agency is no part of the minutes, and that agency
  // receives none of the case.
  const tasks = db
    .select({ caseId: research.caseId, agencyId: research.agencyId, agencyName: agencies.name, row: research })
    .from(research)
    .innerJoin(agencies, eq(agencies.id, research.agencyId))
    .where(and(eq(research.meetingId, meeting.id), isNull(research.withdrawnAt)))
    .orderBy(asc(agencies.name))
    .all();
  const agreed = db
    .select({ caseId: actions.caseId, agencyName: agencies.name, action: actions })
    .from(actions)
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .where(eq(actions.meetingId, meeting.id))
    .orderBy(asc(actions.createdAt))
    .all();
  return items.map(({ item, caseReference, givenName, familyName }) => ({
    itemId: item.id,
    caseId: item.caseId,
    caseReference,
    position: item.position,
    victimName: `${givenName} ${familyName}`,
    // As the meeting saw them when it started.
    flags: (item.frozenFlags ?? flagTags(caseFlagsNow(db, user, listed.get(item.id) ?? [], today, { forPacket: true }))).map((f) => f.label),
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
  return { meetingId: row.meetingId, status: row.status, content, signedOffAt: row.signedOffAt, signedOffByName: signer, distributedAt: row.distributedAt, updatedAt: row.updatedAt, version: row.version };
}

/**
 * Builds the minutes from the record, keeping the coordinator's notes and summaries from an earlier
 * draft. The first generation starts from version 0, the version the new minutes are given.
 */
export function generateMinutes(db: Db, user: SessionUser, meeting: MeetingRow, version: number, today: string, now: Date): Minutes {
  if (meeting.status === 'closed') throw conflict('The meeting is closed: its minutes can no longer be generated');
  if (meeting.status !== 'in_progress' && meeting.status !== 'minuted') throw conflict('Minutes are written once the meeting has started');
  const existing = rowOf(db, meeting.id);
  if (existing) claimVersion(db, minutes, existing.id, version, 'these minutes');
  if (existing && existing.status !== 'draft') throw conflict('The minutes have been signed off: they can no longer be regenerated');
  const before = existing?.content as MinutesContent | undefined;
  const content: MinutesContent = {
    areaName: areaNameOf(db, meeting.areaId) ?? '',
    date: meeting.date,
    startTime: meeting.startTime,
    location: meeting.location,
    minutesDueDate: meeting.minutesDueDate,
    attendance: attendanceOf(db, meeting.id).map((a) => ({ name: a.name, agencyName: a.agencyName, kind: a.kind, informationSent: a.informationSent, signedAt: a.signedAt })),
    reviews: actionsToReview(db, meeting).map((r) => ({ caseId: r.caseId, caseReference: r.caseReference, agencyId: r.agencyId, agencyName: r.agencyName, description: r.description, dueDate: r.dueDate, status: r.status, outcome: r.outcome })),
    cases: casesOf(db, user, meeting, today).map((c) => ({ ...c, summary: before?.cases.find((b) => b.itemId === c.itemId)?.summary ?? null })),
    notes: before?.notes ?? null,
  };
  const at = now.toISOString();
  if (existing) db.update(minutes).set({ content, editedBy: user.id, updatedAt: at }).where(eq(minutes.id, existing.id)).run();
  else db.insert(minutes).values({ id: newId(), meetingId: meeting.id, status: 'draft', content, editedBy: user.id, signedOffBy: null, signedOffAt: null, distributedAt: null, updatedAt: at }).run();
  return minutesFor(db, user, meeting);
}

/**
 * Meeting-wide notes reach every agency that receives the minutes, so they may not name a case on the
 * agenda, by its reference or its victim's name: what is about one case goes in its summary.
 */
function notesProblems(notes: string | null, content: MinutesContent): FieldError[] {
  if (!notes) return [];
  const text = notes.toLowerCase();
  const named = content.cases.find((c) => text.includes(c.caseReference.toLowerCase()) || text.includes(c.victimName.toLowerCase()));
  return named
    ? [{ field: 'notes', message: `These notes are read by every agency, and they name case ${named.caseReference}: write what is about one case in that case’s summary` }]
    : [];
}

export function editMinutes(db: Db, user: SessionUser, meeting: MeetingRow, edits: EditMinutes, now: Date): Minutes {
  const row = rowOf(db, meeting.id);
  if (!row) throw notFound('minutes');
  claimVersion(db, minutes, row.id, edits.version, 'these minutes');
  if (row.status !== 'draft') throw conflict('The minutes have been signed off: they can no longer be edited');
  const content = row.content as MinutesContent;
  const problems = [
    ...notesProblems(edits.notes, content),
    // A case a bar keeps from the coordinator reads as not being in the minutes.
    ...edits.cases.flatMap((c, i) => {
      const known = content.cases.find((k) => k.itemId === c.itemId);
      return known && grantCases(db, user, [known.caseId], 'staff').size > 0 ? [] : [{ field: `cases.${i}.itemId`, message: 'This case is not in these minutes' }];
    }),
  ];
  if (problems.length) throw invalid(problems);
  const summaries = new Map(edits.cases.map((c) => [c.itemId, c.summary]));
  const next: MinutesContent = { ...content, notes: edits.notes, cases: content.cases.map((c) => (summaries.has(c.itemId) ? { ...c, summary: summaries.get(c.itemId) ?? null } : c)) };
  db.update(minutes).set({ content: next, editedBy: user.id, updatedAt: now.toISOString() }).where(eq(minutes.id, row.id)).run();
  return minutesFor(db, user, meeting);
}

/** The chair signs off the minutes they were shown; the meeting is then minuted (its cases heard). */
export function signOffMinutes(db: Db, user: SessionUser, meeting: MeetingRow, version: number, today: string, now: Date): Minutes {
  const row = rowOf(db, meeting.id);
  if (!row) throw notFound('minutes');
  claimVersion(db, minutes, row.id, version, 'these minutes');
  if (row.status !== 'draft') throw conflict('The minutes are already signed off');
  const at = now.toISOString();
  db.update(minutes).set({ status: 'signed_off', signedOffBy: user.id, signedOffAt: at, updatedAt: at }).where(eq(minutes.id, row.id)).run();
  if (meeting.status === 'in_progress') {
    // The meeting moves on with them: a change sent from a screen showing it under way is then refused.
    claimVersion(db, meetings, meeting.id, meeting.version, 'this meeting');
    changeMeetingStatus(db, user, meeting, 'minuted', today);
  }
  return minutesFor(db, user, meeting);
}

/** Sends each agency with cases in the minutes a notice (a link and a count) and opens the minutes to them. */
export function distributeMinutes(db: Db, user: SessionUser, meeting: MeetingRow, version: number, now: Date, publicUrl: string): { minutes: Minutes; notices: number } {
  const row = rowOf(db, meeting.id);
  if (!row) throw conflict('The chair signs the minutes off before they are distributed');
  claimVersion(db, minutes, row.id, version, 'these minutes');
  if (row.status !== 'signed_off') throw conflict('The chair signs the minutes off before they are distributed');
  const at = now.toISOString();
  db.update(minutes).set({ status: 'distributed', distributedAt: at, updatedAt: at }).where(eq(minutes.id, row.id)).run();
  const content = row.content as MinutesContent;
  const perAgency = new Map<string, string[]>();
  for (const c of content.cases) for (const id of c.agencyIds) perAgency.set(id, [...(perAgency.get(id) ?? []), c.caseId]);
  const boxes = perAgency.size ? db.select({ id: agencies.id, email: agencies.secureEmail }).from(agencies).where(inArray(agencies.id, [...perAgency.keys()])).all() : [];
  let notices = 0;
  for (const box of boxes) {
    // Only the cases the agency may still be sent: a bar recorded since the meeting takes its case out.
    const caseIds = (perAgency.get(box.id) ?? []).filter((caseId) => mayReceive(db, { agencyId: box.id, email: null }, [caseId]));
    if (!box.email || caseIds.length === 0 || !mayReceive(db, { agencyId: box.id, email: box.email }, caseIds)) continue;
    const n = caseIds.length;
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
        caseIds,
      },
      now,
    );
    if (queued) notices += 1;
  }
  return { minutes: minutesFor(db, user, meeting), notices };
}

/**
 * The minutes as this person may read them, the disclosure policy deciding each case at the moment of
 * reading: for the area's coordinators and chairs every case no bar keeps from them; once distributed,
 * for a representative only the cases their agency was given at this meeting and still may see. The
 * review of earlier actions names cases and what agencies were to do: each agency reads the reviews of
 * its own actions only, and no one a review of a case barred to them.
 */
export function minutesFor(db: Db, user: SessionUser, meeting: MeetingRow): Minutes {
  const row = rowOf(db, meeting.id);
  if (!row) throw notFound('minutes');
  const content = row.content as MinutesContent;
  const staff = staffOf(user, meeting.areaId);
  if (!staff && (row.status !== 'distributed' || !user.agencyId)) throw notFound('minutes');
  const granted = grantCases(
    db,
    user,
    content.cases.map((c) => c.caseId),
    { atMeeting: meeting.id },
  );
  const cases_ = content.cases.filter((c) => granted.has(c.caseId) && (staff || c.agencyIds.includes(user.agencyId as string)));
  const reviewed = content.reviews.filter((r) => staff || r.agencyId === user.agencyId);
  const barred = barredCases(
    db,
    partyOf(user),
    reviewed.flatMap((r) => (r.caseId ? [r.caseId] : [])),
  );
  const reviews = reviewed.filter((r) => !r.caseId || !barred.has(r.caseId));
  admitListed(
    user,
    reviews.flatMap((r) => (r.caseId ? [r.caseId] : [])),
  );
  return view(db, row, { ...content, reviews, cases: staff ? cases_ : cases_.map((c) => ({ ...c, agencyIds: [] })) });
}
