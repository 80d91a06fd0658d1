/**
 * Research packets: what each invited agency receives for each case. A packet is built from the whole
 * case — everyone named on any of its referrals, merged ones included, and for people confirmed to be
 * the same as other held records, those records' other names, dates of birth and addresses, which an
 * agency needs to search its systems — and nothing more. It is frozen at each publication of the agenda
 * (`packet_versions`), so what was sent can always be shown again with what changed since.
 *
 * Who reads which packet is the disclosure policy's decision (`../cases/policy.ts`): the area's
 * coordinators and chairs, and each agency for the cases it was given research for at this meeting.
 * Details drawn from the records of another case are left out for a reader barred from that case, so a
 * bar on one case can never be got round through another.
 */

import { and, asc, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import { PERSON_ROLE_LABELS, type FlagTag, type ResearchPacket } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, agendaVersions, casePeople, cases, packetVersions, people, personAddresses, personBirthDates, personNames, referralSubjects, referrals, type meetings } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { barredCases, grantCases, partyOf, withMerged, type CaseGrant } from '../cases/policy';
import { flagTags, referralFlags } from '../history/flags';
import { identityGroups } from '../history/identity';
import { referralsOfItem } from './generate';
import { areaNameOf } from '../../db/names';

type MeetingRow = typeof meetings.$inferSelect;
type SubjectRow = typeof referralSubjects.$inferSelect;
type Role = SubjectRow['role'];

/** A detail with the cases whose records it was read from: shown only to a reader none of them bars. */
interface Tagged {
  value: string;
  cases: string[];
}

interface PersonContent {
  /** Stable across versions: the held person's identity group, or the name as written. */
  key: string;
  role: Role;
  name: string;
  otherNames: Tagged[];
  datesOfBirth: Tagged[];
  addresses: Tagged[];
}

/** A packet as frozen: everything a reader could be shown, each detail tagged with where it came from. */
export interface PacketContent {
  caseReference: string;
  referringAgencyName: string;
  flags: FlagTag[];
  people: PersonContent[];
}

export interface PacketItem {
  itemId: string;
  caseId: string;
  caseReference: string;
  position: number;
  slotStart: string | null;
}

/** The cases an agenda lists, in order. */
export const itemsOf = (db: Db, meetingId: string): PacketItem[] =>
  db
    .select({ itemId: agendaItems.id, caseId: agendaItems.caseId, position: agendaItems.position, slotStart: agendaItems.slotStart, caseReference: cases.reference })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.status, 'removed')))
    .orderBy(asc(agendaItems.position))
    .all();

/** The agenda's cases whose packets this person may read, each with the policy's grant. */
export function packetItems(db: Db, user: SessionUser, meeting: MeetingRow): (PacketItem & { grant: CaseGrant })[] {
  const items = itemsOf(db, meeting.id);
  const grants = grantCases(
    db,
    user,
    items.map((i) => i.caseId),
    { atMeeting: meeting.id },
  );
  return items.flatMap((i) => {
    const grant = grants.get(i.caseId);
    return grant ? [{ ...i, grant }] : [];
  });
}

const addressText = (a: SubjectRow['address'] | { line1: string; line2: string | null; town: string | null; postcode: string | null }) =>
  a ? [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ') : null;

const ROLE_ORDER: Role[] = ['victim', 'perpetrator', 'child', 'household_member'];
const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function add(list: Tagged[], value: string | null, caseIds: readonly string[]): void {
  if (!value) return;
  const found = list.find((t) => fold(t.value) === fold(value));
  if (found) found.cases = [...new Set([...found.cases, ...caseIds])];
  else list.push({ value, cases: [...caseIds] });
}

/** The referrals an entry is heard on, and every referral of the case (merged ones too). */
function referralsOf(db: Db, itemId: string, caseId: string) {
  const onCase = db.select({ id: referrals.id }).from(referrals).where(eq(referrals.caseId, caseId)).all().map((r) => r.id);
  const all = withMerged(db, onCase);
  const listed = referralsOfItem(db, itemId);
  return { all, listed: listed.length ? withMerged(db, listed) : all };
}

/** The packet of one case on an agenda as it stands now, for freezing at publication. */
export function buildPacket(db: Db, user: SessionUser, item: { id: string; caseId: string }, today: string): PacketContent {
  const row = db.select().from(cases).where(eq(cases.id, item.caseId)).get();
  if (!row) throw notFound('case');
  const { all, listed } = referralsOf(db, item.id, item.caseId);
  const rows = all.length ? db.select().from(referrals).where(inArray(referrals.id, all)).orderBy(asc(referrals.referralDate), asc(referrals.createdAt)).all() : [];
  const subjects = all.length ? db.select().from(referralSubjects).where(inArray(referralSubjects.referralId, all)).orderBy(asc(referralSubjects.position)).all() : [];
  const order = new Map(rows.map((r, i) => [r.id, i]));
  subjects.sort((a, b) => (order.get(a.referralId) ?? 0) - (order.get(b.referralId) ?? 0) || a.position - b.position);

  const groups = identityGroups(db, subjects.flatMap((s) => (s.personId ? [s.personId] : [])));
  const here = [row.id];
  const byKey = new Map<string, PersonContent>();
  const byName = new Map<string, string>();
  // The entry each held person's identity group went under, for the details of their other records.
  const entryOfGroup = new Map<string, string>();
  const groupOf = (personId: string) => groups.get(personId) ?? personId;
  const dobsOf = (s: SubjectRow) => (s.datesOfBirth.length ? s.datesOfBirth : ['']);
  for (const s of subjects) {
    const name = `${s.givenName} ${s.familyName}`;
    // Someone named again with the same role, name and a date of birth in common is shown once: an
    // agency searches the same identifiers either way. Different people stay apart.
    const same = dobsOf(s).map((d) => byName.get(`${s.role}|${fold(name)}|${d}`)).find(Boolean);
    const key = same ?? (s.personId ? `person:${groupOf(s.personId)}` : `named:${s.role}:${fold(name)}:${dobsOf(s)[0]}`);
    if (s.personId && !entryOfGroup.has(groupOf(s.personId))) entryOfGroup.set(groupOf(s.personId), key);
    const person = byKey.get(key) ?? { key, role: s.role, name, otherNames: [], datesOfBirth: [], addresses: [] };
    if (ROLE_ORDER.indexOf(s.role) < ROLE_ORDER.indexOf(person.role)) person.role = s.role;
    // The latest referral names them as they are known now.
    if (fold(person.name) !== fold(name)) add(person.otherNames, person.name, here);
    person.name = name;
    for (const alias of s.aliases) add(person.otherNames, `${alias.givenName} ${alias.familyName}`, here);
    for (const dob of s.datesOfBirth) add(person.datesOfBirth, dob, here);
    add(person.addresses, addressText(s.address), here);
    // The address a later referral gives is where they are now: it comes first.
    const current = s.address ? person.addresses.findIndex((a) => fold(a.value) === fold(addressText(s.address) ?? '')) : -1;
    if (current > 0) person.addresses.unshift(...person.addresses.splice(current, 1));
    byKey.set(key, person);
    for (const d of dobsOf(s)) byName.set(`${s.role}|${fold(name)}|${d}`, key);
  }

  // Records confirmed to be the same person: their other names, dates of birth and addresses, each
  // tagged with the cases those records are on.
  const personIds = [...groups.keys()];
  if (personIds.length) {
    const onCases = new Map<string, string[]>();
    for (const link of db.select({ personId: casePeople.personId, caseId: casePeople.caseId }).from(casePeople).where(inArray(casePeople.personId, personIds)).all()) {
      onCases.set(link.personId, [...(onCases.get(link.personId) ?? []), link.caseId]);
    }
    const personOf = (personId: string) => byKey.get(entryOfGroup.get(groupOf(personId)) ?? '');
    const tags = (personId: string) => onCases.get(personId) ?? here;
    for (const p of db.select().from(people).where(inArray(people.id, personIds)).all()) add(personOf(p.id)?.otherNames ?? [], `${p.givenName} ${p.familyName}`, tags(p.id));
    for (const n of db.select().from(personNames).where(inArray(personNames.personId, personIds)).all()) add(personOf(n.personId)?.otherNames ?? [], `${n.givenName} ${n.familyName}`, tags(n.personId));
    for (const d of db.select().from(personBirthDates).where(inArray(personBirthDates.personId, personIds)).all()) add(personOf(d.personId)?.datesOfBirth ?? [], d.dateOfBirth, tags(d.personId));
    for (const a of db.select().from(personAddresses).where(inArray(personAddresses.personId, personIds)).all()) add(personOf(a.personId)?.addresses ?? [], addressText(a), tags(a.personId));
  }
  const persons = [...byKey.values()].map((p) => ({ ...p, otherNames: p.otherNames.filter((n) => fold(n.value) !== fold(p.name)) }));
  // Children live with the victim unless a referral gives their own address.
  const victim = persons.find((p) => p.role === 'victim');
  for (const child of persons.filter((p) => p.role === 'child' && p.addresses.length === 0)) {
    for (const a of victim?.addresses ?? []) add(child.addresses, a.value, a.cases);
  }
  persons.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));

  const heardOn = rows.filter((r) => listed.includes(r.id));
  const agencyIds = [...new Set(heardOn.map((r) => r.referringAgencyId))];
  const agencyNames = new Map(agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)).all().map((a) => [a.id, a.name]) : []);
  const flags = flagTags(heardOn.flatMap((r) => referralFlags(db, user, r, subjects.filter((s) => s.referralId === r.id), today, { forPacket: true })));
  return { caseReference: row.reference, referringAgencyName: agencyIds.map((id) => agencyNames.get(id) ?? '').join(', '), flags, people: persons };
}

/** Freezes the packet of every case on the agenda as published in this version. */
export function freezePackets(db: Db, user: SessionUser, meeting: MeetingRow, version: number, items: { id: string; caseId: string }[], today: string, publishedAt: string): void {
  for (const item of items) {
    db.insert(packetVersions).values({ id: newId(), meetingId: meeting.id, version, caseId: item.caseId, content: buildPacket(db, user, item, today), publishedAt }).run();
  }
}

/** The packet as this reader may see it: details from another case's records that bars them are left out. */
function forReader(content: PacketContent, barred: Set<string>) {
  const keep = (list: Tagged[]) => list.filter((t) => !t.cases.some((c) => barred.has(c))).map((t) => t.value);
  return content.people.map((p) => {
    const addresses = keep(p.addresses);
    return { key: p.key, role: p.role, name: p.name, otherNames: keep(p.otherNames), datesOfBirth: keep(p.datesOfBirth).sort(), address: addresses[0] ?? null, otherAddresses: addresses.slice(1) };
  });
}

type ReaderPerson = ReturnType<typeof forReader>[number];

/** What changed between two versions of a packet, in words, as this reader sees both. */
function changesBetween(before: { flags: FlagTag[]; people: ReaderPerson[] }, after: { flags: FlagTag[]; people: ReaderPerson[] }): string[] {
  const changes: string[] = [];
  const describe = (p: ReaderPerson) => `${p.name} (${PERSON_ROLE_LABELS[p.role].toLowerCase()})`;
  for (const p of after.people) {
    const old = before.people.find((b) => b.key === p.key);
    if (!old) {
      changes.push(`Added: ${describe(p)}`);
      continue;
    }
    if (old.name !== p.name) changes.push(`${old.name} is now named ${p.name}`);
    const added = (label: string, was: string[], now: string[]) => {
      const fresh = now.filter((v) => !was.includes(v));
      if (fresh.length) changes.push(`${p.name}: ${label} added: ${fresh.join('; ')}`);
    };
    added('other name', old.otherNames, p.otherNames);
    added('date of birth', old.datesOfBirth, p.datesOfBirth);
    added('address', [old.address, ...old.otherAddresses].filter((a): a is string => a !== null), [p.address, ...p.otherAddresses].filter((a): a is string => a !== null));
  }
  for (const p of before.people) if (!after.people.some((a) => a.key === p.key)) changes.push(`No longer named: ${describe(p)}`);
  for (const f of after.flags) if (!before.flags.some((b) => b.kind === f.kind)) changes.push(`Flag added: ${f.label}`);
  for (const f of before.flags) if (!after.flags.some((a) => a.kind === f.kind)) changes.push(`Flag no longer raised: ${f.label}`);
  return changes;
}

/** The packet of one case as it was last sent with this meeting's agenda, for a reader the policy allows. */
export function researchPacket(db: Db, user: SessionUser, meeting: MeetingRow, caseId: string, today: string): ResearchPacket {
  const item = packetItems(db, user, meeting).find((i) => i.caseId === caseId);
  if (!item) throw notFound('research packet');
  const versions = db
    .select()
    .from(packetVersions)
    .where(and(eq(packetVersions.meetingId, meeting.id), eq(packetVersions.caseId, caseId), lte(packetVersions.version, meeting.agendaVersion)))
    .orderBy(desc(packetVersions.version))
    .limit(2)
    .all();
  const [latest, previous] = versions;
  // An agenda published before packets were frozen is shown as the case stands now.
  const published = latest ?? {
    version: Math.max(meeting.agendaVersion, 1),
    content: buildPacket(db, user, { id: item.itemId, caseId }, today),
    publishedAt: db.select({ at: agendaVersions.publishedAt }).from(agendaVersions).where(eq(agendaVersions.meetingId, meeting.id)).orderBy(desc(agendaVersions.version)).limit(1).get()?.at ?? new Date(0).toISOString(),
  };
  const content = published.content as PacketContent;
  const sources = [...new Set([latest, previous].flatMap((v) => (v ? (v.content as PacketContent).people.flatMap((p) => [...p.otherNames, ...p.datesOfBirth, ...p.addresses].flatMap((t) => t.cases)) : [])))].filter((c) => c !== caseId);
  const barred = barredCases(db, partyOf(user), sources);
  const people_ = forReader(content, barred);
  return {
    meetingId: meeting.id,
    meetingDate: meeting.date,
    areaName: areaNameOf(db, meeting.areaId) ?? '',
    caseId,
    caseReference: item.caseReference,
    position: item.position,
    slotStart: item.slotStart,
    referringAgencyName: content.referringAgencyName,
    researchDeadline: meeting.researchDeadline,
    flags: content.flags,
    people: people_.map(({ role, name, otherNames, datesOfBirth, address, otherAddresses }) => ({ role, name, otherNames, datesOfBirth, address, otherAddresses })),
    version: published.version,
    publishedAt: published.publishedAt,
    changes: previous ? changesBetween({ flags: (previous.content as PacketContent).flags, people: forReader(previous.content as PacketContent, barred) }, { flags: content.flags, people: people_ }) : [],
  };
}
