import { Id, MyReferrals, MyReferralsQuery, ReferralDetail, ReferralSubmission, ReferralSubmissionRequest, ScreeningDecisionInput, ScreeningOutcome } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { listWithCase } from '../agenda/generate';
import { assertBarsKept, caseOfReferral, findReferral, grantCases, referralBars, requireReferral } from '../cases/policy';
import { queueAgendaChanged } from '../mail/notices';
import { barsChanged, casesConcerning } from '../cases/bars';
import { decideReferral } from './decisions';
import { myReferrals, referralDetail } from './repository';
import { createReferral, resubmitReferral } from './submission';
import { auditedRead } from '../audit/audited-read';

const REFERRERS = ['agency_representative', 'coordinator'] as const;
/** Every role that can see some referral; which referral each may see is checked per record. */
const READERS = ['agency_representative', 'coordinator', 'chair'] as const;
const ById = z.object({ id: Id });

const routes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  const today = () => todayInLondon(app.clock);

  app.post(
    '/',
    {
      config: { access: REFERRERS },
      schema: {
        tags: ['referrals'],
        summary: 'Submit a referral: checked in full, scored on the server and sent for screening',
        body: ReferralSubmissionRequest,
        response: { 201: ReferralDetail, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = request.session!.user;
      const { draftId, ...submission } = request.body;
      const detail = transaction(app.database, (db) => {
        const referral = createReferral(db, user, submission, draftId, app.clock(), today());
        recordAudit(
          db,
          actorOf(request),
          { action: 'create', entityType: 'referral', entityId: referral.id, detail: { areaId: referral.areaId, fromDraft: draftId ?? null } },
          app.clock(),
        );
        return referralDetail(db, referral, request.session!.user, today());
      });
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/mine',
    {
      config: { access: REFERRERS },
      schema: {
        tags: ['referrals'],
        summary: 'Your own referrals with their status, and your drafts',
        querystring: MyReferralsQuery,
        response: { 200: MyReferrals, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const result = myReferrals(db, request.session!.user, request.query);
        audit({ action: 'list', entityType: 'referral', detail: { mine: true, returned: result.items.length, drafts: result.drafts.length } });
        return result;
      }),
  );

  app.get(
    '/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['referrals'],
        summary: 'One referral in full, with its screening history',
        params: ById,
        response: { 200: ReferralDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const referral = requireReferral(db, request.session!.user, request.params.id, 'read');
        audit({ action: 'view', entityType: 'referral', entityId: referral.id });
        return referralDetail(db, referral, request.session!.user, today());
      }),
  );

  app.put(
    '/:id',
    {
      config: { access: REFERRERS },
      schema: {
        tags: ['referrals'],
        summary: 'Resubmit a referral that screening asked more information about, in full',
        params: ById,
        body: ReferralSubmission,
        response: { 200: ReferralDetail, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const found = requireReferral(db, user, request.params.id, 'read');
        const referral = resubmitReferral(db, user, found, request.body, app.clock(), today());
        // A person it names may already be held: what it now says about who is unsafe counts at once.
        barsChanged(db, casesConcerning(db, referral.id), app.clock(), actorOf(request));
        // `resubmitted` marks this row as a step in the referral's history (see historyOf).
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'referral', entityId: referral.id, detail: { resubmitted: true, areaId: referral.areaId } }, app.clock());
        return referralDetail(db, referral, request.session!.user, today());
      }),
  );

  app.post(
    '/:id/decisions',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['screening'],
        summary: 'Screen a referral: accept (onto the victim’s case), reject, merge or ask for more information',
        params: ById,
        body: ScreeningDecisionInput,
        response: { 200: ScreeningOutcome, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const now = app.clock();
        const actor = actorOf(request);
        const held = request.body.decision === 'merge' ? findReferral(db, request.params.id) : undefined;
        const barredBefore = held ? referralBars(db, held) : null;
        const outcome = decideReferral(db, request.session!.user, request.params.id, request.body, now, today());
        const { referral, link } = outcome;
        recordAudit(
          db,
          actor,
          {
            action: 'decide',
            entityType: 'referral',
            entityId: referral.id,
            detail: { decision: outcome.decision, areaId: referral.areaId, caseId: link?.caseId ?? null, mergedIntoReferralId: referral.mergedIntoReferralId },
          },
          now,
        );
        if (link) {
          for (const personId of link.createdPersonIds) {
            recordAudit(db, actor, { action: 'create', entityType: 'person', entityId: personId, detail: { referralId: referral.id } }, now);
          }
          recordAudit(db, actor, { action: link.caseCreated ? 'create' : 'update', entityType: 'case', entityId: link.caseId, detail: { referralId: referral.id } }, now);
        }
        // Whoever it names as unsafe is barred from the case at once, and from every case of its victim.
        const effects = barsChanged(db, casesConcerning(db, referral.id), now, actor);
        // Merged into a referral about someone else, it would leave the bars of its own victim behind.
        if (barredBefore) assertBarsKept(db, referral, barredBefore, 'intoReferralId');
        // A referral joining a case listed at a meeting not yet started is listed with it at once.
        const caseId = outcome.decision === 'accepted' || outcome.decision === 'merged' ? caseOfReferral(db, referral) : null;
        const listedAt = caseId ? listWithCase(db, referral.id, caseId) : null;
        if (listedAt && caseId) {
          recordAudit(db, actor, { action: 'update', entityType: 'agenda', entityId: listedAt.id, detail: { referralId: referral.id, joinedCase: caseId } }, now);
          queueAgendaChanged(db, listedAt, today(), now, options.publicUrl, [caseId]);
        }
        const user = request.session!.user;
        const shown = grantCases(
          db,
          user,
          effects.map((e) => e.caseId),
          'staff',
        );
        // Shown as the policy now lets the coordinator read it (on its case, with whatever bars that brings).
        const now_ = requireReferral(db, user, referral.id, 'read');
        return { ...referralDetail(db, now_, user, today()), barEffects: effects.filter((e) => shown.has(e.caseId)) };
      }),
  );
};

export default routes;
