/**
 * The version a record has now, as a screen that has just read it sends it back with a change. Read
 * from the database rather than through the API, so a test's audit trail holds only what it did.
 */

import type { Database_ } from '../../../../server/src/db/client';

interface HasDatabase {
  database: Database_;
}

const read = (world: HasDatabase, sql: string, ...args: string[]): number =>
  (world.database.sqlite.prepare(sql).get(...args) as { version: number } | undefined)?.version ?? 0;

export const meetingVersion = (world: HasDatabase, meetingId: string) => read(world, 'select version from meetings where id = ?', meetingId);

export const actionVersion = (world: HasDatabase, actionId: string) => read(world, 'select version from actions where id = ?', actionId);

/** 0 before the minutes are first generated: the version they are then given. */
export const minutesVersion = (world: HasDatabase, meetingId: string) => read(world, 'select version from minutes where meeting_id = ?', meetingId);

export const researchVersion = (world: HasDatabase, meetingId: string, caseId: string, agencyId: string) =>
  read(world, 'select version from research where meeting_id = ? and case_id = ? and agency_id = ?', meetingId, caseId, agencyId);

export const adminVersion = (world: HasDatabase, table: 'areas' | 'agencies' | 'users', id: string) => read(world, `select version from ${table} where id = ?`, id);
