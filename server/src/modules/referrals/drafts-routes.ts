import { Id, ReferralDraft, ReferralDraftInput } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { createDraft, deleteDraft, getDraft, updateDraft } from './drafts';
import { auditedRead } from '../audit/audited-read';

/** Those who write referrals: representatives for their agency, coordinators on someone's behalf. */
const REFERRERS = ['agency_representative', 'coordinator'] as const;
const ById = z.object({ id: Id });
// Drafts are audited as referrals (they hold the same personal data), marked so they can be told apart.
const DRAFT = { draft: true };

/** Half-written referrals, kept as the form's own state so a long form never loses work. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      config: { access: REFERRERS },
      schema: {
        tags: ['referrals'],
        summary: 'Save a new referral draft (the form as it stands, up to 256 KB)',
        body: ReferralDraftInput,
        response: { 201: ReferralDraft, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = request.session!.user;
      const draft = transaction(app.database, (db) => {
        const created = createDraft(db, user, request.body.payload, app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'referral', entityId: created.id, detail: DRAFT }, app.clock());
        return created;
      });
      return reply.status(201).send(draft);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: REFERRERS },
      schema: { tags: ['referrals'], summary: 'One of your own referral drafts', params: ById, response: { 200: ReferralDraft, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const draft = getDraft(db, request.session!.user, request.params.id);
        audit({ action: 'view', entityType: 'referral', entityId: draft.id, detail: DRAFT });
        return draft;
      }),
  );

  app.put(
    '/:id',
    {
      config: { access: REFERRERS },
      schema: {
        tags: ['referrals'],
        summary: 'Replace the content of one of your own referral drafts',
        params: ById,
        body: ReferralDraftInput,
        response: { 200: ReferralDraft, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const draft = updateDraft(db, request.session!.user, request.params.id, request.body.payload, app.clock());
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'referral', entityId: draft.id, detail: DRAFT }, app.clock());
        return draft;
      }),
  );

  app.delete(
    '/:id',
    {
      config: { access: REFERRERS },
      schema: { tags: ['referrals'], summary: 'Delete one of your own referral drafts', params: ById, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      transaction(app.database, (db) => {
        deleteDraft(db, request.session!.user, request.params.id);
        recordAudit(db, actorOf(request), { action: 'delete', entityType: 'referral', entityId: request.params.id, detail: DRAFT }, app.clock());
      });
      return reply.status(204).send(null);
    },
  );
};

export default routes;
