import { eq } from 'drizzle-orm';
import type { ReferralDraft } from '@marac/shared';
import type { Db } from '../../db/client';
import { referralDrafts } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';

type DraftRow = typeof referralDrafts.$inferSelect;

const toDraft = (r: DraftRow): ReferralDraft => ({ id: r.id, payload: r.payload, createdAt: r.createdAt, updatedAt: r.updatedAt });

/** A draft is its writer's alone: to anyone else it does not exist. */
function ownDraft(db: Db, user: SessionUser, id: string): DraftRow {
  const row = db.select().from(referralDrafts).where(eq(referralDrafts.id, id)).get();
  if (!row || row.createdBy !== user.id) throw notFound('draft');
  return row;
}

export function createDraft(db: Db, user: SessionUser, payload: Record<string, unknown>, now: Date): ReferralDraft {
  const at = now.toISOString();
  const row: DraftRow = { id: newId(), createdBy: user.id, agencyId: user.agencyId, payload, createdAt: at, updatedAt: at };
  db.insert(referralDrafts).values(row).run();
  return toDraft(row);
}

export const getDraft = (db: Db, user: SessionUser, id: string): ReferralDraft => toDraft(ownDraft(db, user, id));

export function updateDraft(db: Db, user: SessionUser, id: string, payload: Record<string, unknown>, now: Date): ReferralDraft {
  const row = ownDraft(db, user, id);
  const updatedAt = now.toISOString();
  db.update(referralDrafts).set({ payload, updatedAt }).where(eq(referralDrafts.id, id)).run();
  return toDraft({ ...row, payload, updatedAt });
}

export function deleteDraft(db: Db, user: SessionUser, id: string): void {
  ownDraft(db, user, id);
  db.delete(referralDrafts).where(eq(referralDrafts.id, id)).run();
}
