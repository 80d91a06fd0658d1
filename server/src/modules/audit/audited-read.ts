import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readTransaction, type Db } from '../../db/client';
import { actorOf } from './actor';
import { recordAudit, type AuditRecord } from './repository';

/** Notes one view, list or export of what the read is about to answer with. */
export type Audit = (record: AuditRecord) => void;

/**
 * A read of personal data and its audit rows. `work` reads on one snapshot (no write lock, no disk sync
 * of its own) and notes what it shows; the rows join the next group commit, and the answer is returned
 * only once that commit is on disk. If the commit fails this throws, so the request fails closed: a 500
 * and nothing shown. Changes do not use this: their audit rows stay in their own transaction.
 */
export async function auditedRead<T>(app: FastifyInstance, request: FastifyRequest, work: (db: Db, audit: Audit) => T): Promise<T> {
  const records: AuditRecord[] = [];
  const at = app.clock();
  const result = readTransaction(app.database, (db) => work(db, (record) => records.push(record)));
  if (records.length > 0) {
    const actor = actorOf(request);
    await app.database.commits.add((db) => {
      for (const record of records) recordAudit(db, actor, record, at);
    });
  }
  return result;
}
