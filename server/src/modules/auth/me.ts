import { eq, inArray } from 'drizzle-orm';
import type { Me } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, areas } from '../../db/schema';
import type { ActiveSession } from './session-store';

export function buildMe(db: Db, session: ActiveSession, demo: boolean): Me {
  const { user } = session;
  const agency = user.agencyId
    ? db.select({ id: agencies.id, name: agencies.name, kind: agencies.kind }).from(agencies).where(eq(agencies.id, user.agencyId)).get() ?? null
    : null;
  const userAreas = user.areaIds.length
    ? db.select({ id: areas.id, name: areas.name, code: areas.code }).from(areas).where(inArray(areas.id, user.areaIds)).orderBy(areas.name).all()
    : [];
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    agency,
    areas: userAreas,
    csrfToken: session.csrfToken,
    session: { idleExpiresAt: session.idleExpiresAt.toISOString(), absoluteExpiresAt: session.absoluteExpiresAt.toISOString() },
    demo,
  };
}
