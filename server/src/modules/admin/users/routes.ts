import { CreateUser, Id, UpdateUser, User, UserList, UserQuery, VersionOnly } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../../db/client';
import { AppError } from '../../../lib/errors';
import { errorResponses } from '../../../lib/openapi';
import { hashPassword } from '../../../lib/passwords';
import { actorOf } from '../../audit/actor';
import { changedFields, recordAudit } from '../../audit/repository';
import { createUser, getUser, listUsers, setUserDisabled, updateUser } from './repository';

const ADMIN = ['administrator'] as const;
const ById = z.object({ id: Id });

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: ADMIN },
      schema: { tags: ['admin'], summary: 'List users with filters', querystring: UserQuery, response: { 200: UserList, ...errorResponses(400, 401, 403) } },
    },
    async (request) => listUsers(app.database.db, request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: ADMIN },
      schema: { tags: ['admin'], summary: 'One user', params: ById, response: { 200: User, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => getUser(app.database.db, request.params.id),
  );

  app.post(
    '/',
    {
      config: { access: ADMIN },
      schema: { tags: ['admin'], summary: 'Create a user with an initial password', body: CreateUser, response: { 201: User, ...errorResponses(400, 401, 403, 409) } },
    },
    async (request, reply) => {
      // Hashing is slow and asynchronous, so it happens before the write transaction opens.
      const passwordHash = await hashPassword(request.body.password);
      const user = transaction(app.database, (db) => {
        const created = createUser(db, request.body, passwordHash, app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'user', entityId: created.id, detail: { role: created.role } }, app.clock());
        return created;
      });
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: "Change a user's name, role, agency or areas, from the version you were shown (ends their sessions when their rights change)",
        params: ById,
        body: UpdateUser,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = updateUser(db, request.params.id, request.body, app.clock());
        const { version: _from, ...changes } = request.body;
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'user', entityId: user.id, detail: { fields: changedFields(changes) } }, app.clock());
        return user;
      }),
  );

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(
      `/:id/${path}`,
      {
        config: { access: ADMIN },
        schema: {
          tags: ['admin'],
          summary: disabled ? 'Disable a user, from the version you were shown: they cannot sign in and their sessions end at once' : 'Enable a disabled user, from the version you were shown',
          params: ById,
          body: VersionOnly,
          response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request) => {
        if (disabled && request.params.id === request.session!.user.id) {
          throw new AppError(400, 'validation_failed', 'You cannot disable your own account', []);
        }
        return transaction(app.database, (db) => {
          const { user, sessionsEnded } = setUserDisabled(db, request.params.id, disabled, request.body.version, app.clock());
          recordAudit(db, actorOf(request), { action: disabled ? 'disable' : 'enable', entityType: 'user', entityId: user.id, detail: { sessionsEnded } }, app.clock());
          return user;
        });
      },
    );
  }
};

export default routes;
