import type { AuditEntity } from '@marac/shared';
import { Id } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction, type Db } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { changedFields, recordAudit } from '../audit/repository';

const ADMIN = ['administrator'] as const;

interface Resource<Item extends z.ZodType, Create extends z.ZodType, Update extends z.ZodType> {
  entity: AuditEntity;
  /** Plural noun for the documentation, e.g. "MARAC areas". */
  noun: string;
  item: Item;
  create: Create;
  update: Update;
  list: (db: Db) => z.infer<Item>[];
  insert: (db: Db, input: z.infer<Create>, now: Date) => z.infer<Item> & { id: string };
  change: (db: Db, id: string, input: z.infer<Update>) => z.infer<Item> & { id: string };
}

/**
 * List / create / change routes for a piece of administration (areas, agencies). Each write commits
 * with its audit row in one transaction; the audit row names the fields changed, never their values.
 * A change names the version it started from (`update` requires it) and is refused with 409 when stale.
 */
export function crudRoutes<Item extends z.ZodType, Create extends z.ZodType, Update extends z.ZodType>(
  resource: Resource<Item, Create, Update>,
): FastifyPluginAsyncZod {
  return async (app) => {
    // The type provider cannot see through generic schemas; widening them here keeps the handlers typed
    // by the resource's functions while the schemas still validate and serialize every request.
    const item: z.ZodType = resource.item;
    const create: z.ZodType = resource.create;
    const update: z.ZodType = resource.update;

    app.get(
      '/',
      {
        config: { access: ADMIN },
        schema: { tags: ['admin'], summary: `List ${resource.noun}`, response: { 200: z.array(item), ...errorResponses(401, 403) } },
      },
      async () => resource.list(app.database.db),
    );

    app.post(
      '/',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['admin'],
          summary: `Create one of the ${resource.noun}`,
          body: create,
          response: { 201: item, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const created = transaction(app.database, (db) => {
          const row = resource.insert(db, request.body as z.infer<Create>, app.clock());
          recordAudit(db, actorOf(request), { action: 'create', entityType: resource.entity, entityId: row.id }, app.clock());
          return row;
        });
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['admin'],
          summary: `Change one of the ${resource.noun}, from the version you were shown (refused with 409 when someone else changed it since)`,
          params: z.object({ id: Id }),
          body: update,
          response: { 200: item, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        transaction(app.database, (db) => {
          const updated = resource.change(db, request.params.id, request.body as z.infer<Update>);
          const { version: _from, ...changes } = request.body as { version?: number };
          recordAudit(
            db,
            actorOf(request),
            { action: 'update', entityType: resource.entity, entityId: updated.id, detail: { fields: changedFields(changes) } },
            app.clock(),
          );
          return updated;
        }),
    );
  };
}
