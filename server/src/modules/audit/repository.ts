import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEntity, AuditEvent, AuditList, AuditQuery } from '@marac/shared';
import type { Db } from '../../db/client';
import { prepared } from '../../db/prepared';
import { auditEvents } from '../../db/schema';
import { newId } from '../../lib/ids';

/** Who did something and from where; taken from the request by `actorOf`. */
export interface Actor {
  userId: string | null;
  userEmail: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  /** Ids, counts and field names only: never names, addresses or other personal data. */
  detail?: Record<string, unknown> | null;
}

/**
 * Appends one audit row. Call it with the same `db` handle as the change it records, inside the same
 * transaction, so a change can never commit without its audit row (nor the row without the change).
 */
export function recordAudit(db: Db, actor: Actor, record: AuditRecord, at: Date): void {
  insertAudit(db).run({
    id: newId(),
    at: at.toISOString(),
    userId: actor.userId,
    userEmail: actor.userEmail,
    ip: actor.ip,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId ?? null,
    detail: record.detail ?? null,
  });
}

const insertAudit = prepared((db) =>
  db
    .insert(auditEvents)
    .values({
      id: sql.placeholder('id'),
      at: sql.placeholder('at'),
      userId: sql.placeholder('userId'),
      userEmail: sql.placeholder('userEmail'),
      ip: sql.placeholder('ip'),
      action: sql.placeholder('action'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      detail: sql.placeholder('detail'),
    })
    .prepare(),
);

/** The names of the fields a change sent: what the audit trail records instead of their values. */
export const changedFields = (body: object): string[] =>
  Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

const nextDay = (isoDate: string) => {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

export function listAudit(db: Db, query: AuditQuery): AuditList {
  const where: SQL[] = [];
  if (query.userId) where.push(eq(auditEvents.userId, query.userId));
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditEvents.entityId, query.entityId));
  if (query.from) where.push(gte(auditEvents.at, `${query.from}T00:00:00.000Z`));
  if (query.to) where.push(lt(auditEvents.at, nextDay(query.to)));
  const condition = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(auditEvents).where(condition).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditEvents)
    .where(condition)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const items: AuditEvent[] = rows.map((r) => ({ ...r, detail: r.detail ?? null }));
  return { items, total, limit: query.limit, offset: query.offset };
}
