import { Id, MatchDecisionInput, ReferralMatches } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import type { Audit } from '../audit/audited-read';
import { barsChanged, casesConcerning } from '../cases/bars';
import { assertBarsKept, casesOfVictims, referralBars } from '../cases/policy';
import { decideMatch, referralForMatching, referralMatches } from './matches';
import { auditedRead } from '../audit/audited-read';

/** Each held person shown is a view of that person's record, wherever the list is sent. */
function auditShown(audit: Audit, matches: ReferralMatches): ReferralMatches {
  const shown = new Set(matches.subjects.flatMap((s) => s.candidates.map((c) => c.personId)));
  for (const personId of shown) {
    audit({ action: 'view', entityType: 'person', entityId: personId, detail: { referralId: matches.referralId, asMatch: true } });
  }
  return matches;
}

/** Identity matches are the coordinator's to see and decide: they show people held in other cases and areas. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/matches',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['screening'],
        summary: 'People already held, in any area, who may be the people this referral names, with the reasons',
        params: z.object({ id: Id }),
        response: { 200: ReferralMatches, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const referral = referralForMatching(db, user, request.params.id);
        const matches = referralMatches(db, user, referral);
        audit({ action: 'view', entityType: 'referral', entityId: referral.id, detail: { matches: true } });
        return auditShown(audit, matches);
      }),
  );

  app.post(
    '/:id/subjects/:subjectId/matches',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['screening'],
        summary: 'Confirm or reject a suggested person for someone the referral names; answers with the refreshed matches',
        params: z.object({ id: Id, subjectId: Id }),
        body: MatchDecisionInput,
        response: { 200: ReferralMatches, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const now = app.clock();
        const referral = referralForMatching(db, user, request.params.id);
        const barredBefore = referralBars(db, referral);
        const outcome = decideMatch(db, user, referral, request.params.subjectId, request.body, now);
        // Confirming who the victim is joins their history: every bar recorded about them reaches this case too.
        if (outcome.decision === 'confirmed') barsChanged(db, [...casesConcerning(db, referral.id), ...casesOfVictims(db, [request.body.personId])], now, actorOf(request));
        // Confirming the victim as someone else, or no longer as anyone, must not take bars away.
        assertBarsKept(db, referral, barredBefore, 'personId');
        recordAudit(
          db,
          actorOf(request),
          {
            action: 'decide',
            entityType: 'person',
            entityId: request.body.personId,
            detail: { referralId: referral.id, subjectId: request.params.subjectId, decision: outcome.decision, stage: outcome.stage },
          },
          now,
        );
        return auditShown((record) => recordAudit(db, actorOf(request), record, now), referralMatches(db, user, referral));
      }),
  );
};

export default routes;
