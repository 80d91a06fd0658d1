import { Id, ProtocolRegister, RecordProtocolSignature, WithdrawProtocolSignature } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../../db/client';
import { errorResponses } from '../../../lib/openapi';
import { todayInLondon } from '../../../lib/time';
import { actorOf } from '../../audit/actor';
import { recordAudit } from '../../audit/repository';
import { protocolRegister, recordSignature, withdrawSignature } from './repository';
import { auditedRead } from '../../audit/audited-read';

const ADMIN = ['administrator'] as const;
// The area is `:id`, as in the areas' own routes mounted at the same prefix: the router keeps one name
// for a parameter at one place in the path.
const ByArea = z.object({ id: Id });
const BySignature = z.object({ id: Id, signatureId: Id });

/**
 * An area's register of agencies that have signed its information-sharing protocol (mounted under
 * `/api/admin/areas`). Signatories' names are personal data, so reading the register is audited too;
 * every answer is the whole register, so the page shows the change at once.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/protocol',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: "An area's information-sharing protocol register: each agency serving it with its signature, and the history",
        params: ByArea,
        response: { 200: ProtocolRegister, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const register = protocolRegister(db, request.params.id);
        audit({ action: 'list', entityType: 'protocol_signature', entityId: register.areaId, detail: { areaId: register.areaId, agencies: register.agencies.length, signatures: register.history.length } });
        return register;
      }),
  );

  app.post(
    '/:id/protocol',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: "Record an agency's signature of the area's protocol: it is invited to the area's meetings whose agenda is not yet out",
        params: ByArea,
        body: RecordProtocolSignature,
        response: { 201: ProtocolRegister, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const register = transaction(app.database, (db) => {
        const { signature, invitationsAdded } = recordSignature(db, request.session!.user.id, request.params.id, request.body, todayInLondon(app.clock));
        recordAudit(
          db,
          actorOf(request),
          { action: 'create', entityType: 'protocol_signature', entityId: signature.id, detail: { areaId: signature.areaId, agencyId: signature.agencyId, invitationsAdded } },
          app.clock(),
        );
        return protocolRegister(db, request.params.id);
      });
      return reply.status(201).send(register);
    },
  );

  app.post(
    '/:id/protocol/:signatureId/withdraw',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: "Record that an agency withdrew from the area's protocol: it is no longer invited, and leaves the meetings whose agenda is not yet out",
        params: BySignature,
        body: WithdrawProtocolSignature,
        response: { 200: ProtocolRegister, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const { signature, invitationsRemoved } = withdrawSignature(db, request.params.id, request.params.signatureId, request.body, todayInLondon(app.clock));
        recordAudit(
          db,
          actorOf(request),
          {
            action: 'update',
            entityType: 'protocol_signature',
            entityId: signature.id,
            detail: { areaId: signature.areaId, agencyId: signature.agencyId, fields: ['withdrawnOn'], invitationsRemoved },
          },
          app.clock(),
        );
        return protocolRegister(db, request.params.id);
      }),
  );
};

export default routes;
