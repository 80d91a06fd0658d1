import type { Gender } from '@marac/shared';
import { afterEach } from 'vitest';
import { migrateDatabase, openDatabase, type Database_ } from '../../../../../server/src/db/client';
import { identityDecisions, people, personAddresses, personBirthDates, personNames, personPhones, users } from '../../../../../server/src/db/schema';
import { newId } from '../../../../../server/src/lib/ids';
import { updateMatchKeys } from '../../../../../server/src/modules/people/matching/keys';
import type { NameKind } from '../../../../../server/src/modules/people/matching/records';

const open: Database_[] = [];
afterEach(() => {
  for (const database of open.splice(0)) database.close();
});

/** A fresh, migrated in-memory database, closed after the test. */
export function freshDatabase(): Database_ {
  const database = openDatabase(':memory:');
  migrateDatabase(database.db);
  open.push(database);
  return database;
}

export interface StoredPerson {
  given: string;
  family: string;
  gender?: Gender;
  dobs?: string[];
  otherNames?: { given: string; family: string; kind: NameKind }[];
  address?: { line1: string; postcode: string };
  phone?: string;
}

const NOW = '2026-11-23T10:00:00.000Z';

/** Writes a person as the referral module would, then files their match keys. Returns the id. */
export function storePerson(database: Database_, person: StoredPerson): string {
  const id = newId();
  const db = database.db;
  db.insert(people).values({ id, givenName: person.given, familyName: person.family, gender: person.gender ?? 'female', createdAt: NOW, updatedAt: NOW }).run();
  for (const name of person.otherNames ?? []) {
    db.insert(personNames).values({ id: newId(), personId: id, givenName: name.given, familyName: name.family, kind: name.kind }).run();
  }
  for (const dob of person.dobs ?? []) db.insert(personBirthDates).values({ personId: id, dateOfBirth: dob }).run();
  if (person.address) db.insert(personAddresses).values({ id: newId(), personId: id, line1: person.address.line1, postcode: person.address.postcode, current: true }).run();
  if (person.phone) db.insert(personPhones).values({ personId: id, phone: person.phone }).run();
  updateMatchKeys(db, [id]);
  return id;
}

/** Records a coordinator's decision on a pair. */
export function decide(database: Database_, personId: string, otherPersonId: string, decision: 'confirmed' | 'rejected'): void {
  const db = database.db;
  const userId = newId();
  db.insert(users).values({ id: userId, email: `${userId}@test.invalid`, name: 'Coordinator', role: 'coordinator', passwordHash: 'x', createdAt: NOW }).run();
  db.insert(identityDecisions).values({ id: newId(), personId, otherPersonId, decision, decidedBy: userId, decidedAt: NOW }).run();
}
