/**
 * The standing invitations of meetings whose agenda is not yet out follow the area's protocol
 * register. Nothing about a case reaches an agency before the agenda is published, so until then an
 * invitation can be added or taken away without anyone losing what they were sent; once the agenda is
 * out, invitations stay as they were (publishing again only sends to agencies still signed up).
 */

import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meetingInvitations, meetings } from '../../db/schema';
import { newId } from '../../lib/ids';

const plannedMeetingsOf = (db: Db, areaId: string) =>
  db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.areaId, areaId), eq(meetings.status, 'planned')));

/**
 * An agency serving the area has just signed: it joins the planned meetings it is not yet invited to
 * as a whole (an invitation it had for one case stays, and is simply covered). Returns how many.
 */
export function inviteToPlannedMeetings(db: Db, areaId: string, agencyId: string): number {
  const standing = new Set(
    db
      .select({ meetingId: meetingInvitations.meetingId })
      .from(meetingInvitations)
      .where(and(eq(meetingInvitations.agencyId, agencyId), isNull(meetingInvitations.caseId)))
      .all()
      .map((row) => row.meetingId),
  );
  const missing = plannedMeetingsOf(db, areaId)
    .all()
    .filter((meeting) => !standing.has(meeting.id));
  if (missing.length) db.insert(meetingInvitations).values(missing.map((meeting) => ({ id: newId(), meetingId: meeting.id, agencyId, caseId: null }))).run();
  return missing.length;
}

/**
 * An agency has withdrawn from the area's protocol: it leaves every planned meeting, including the
 * invitations it had for one case. Returns how many invitations were taken away.
 */
export function uninviteFromPlannedMeetings(db: Db, areaId: string, agencyId: string): number {
  return db
    .delete(meetingInvitations)
    .where(and(eq(meetingInvitations.agencyId, agencyId), inArray(meetingInvitations.meetingId, plannedMeetingsOf(db, areaId))))
    .run().changes;
}
