import { CaseRecord, CaseRecordInput, CreateAction, Id, MeetingCaseView, ReviewActionInput } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { findMeeting } from '../meetings/calendar';
import { addAction, caseRecord, openCase, reviewAction, saveCaseRecord } from './case-record';
import { meetingCaseView } from './case-view';
import { announce } from './events';
import { auditedRead } from '../audit/audited-read';

const ByItem = z.object({ id: Id, itemId: Id });
const RECORDERS = ['coordinator', 'chair'] as const;

/** The meeting under way, under /api/meetings/:id/cases/:itemId: the chair and coordinator record each case. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/cases/:itemId',
    {
      config: { access: ['coordinator', 'chair', 'agency_representative', 'observer'] },
      schema: {
        tags: ['meeting'],
        summary: 'A case as the meeting sees it: referral in brief, flags, history, every agency’s research (once opened), the record so far',
        params: ByItem,
        response: { 200: MeetingCaseView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        const view = meetingCaseView(db, user, meeting, request.params.itemId, todayInLondon(app.clock));
        audit({ action: 'view', entityType: 'case', entityId: view.caseId, detail: { meetingId: meeting.id, atMeeting: true } });
        return view;
      }),
  );

  app.get(
    '/:id/cases/:itemId/record',
    {
      config: { access: RECORDERS },
      schema: { tags: ['meeting'], summary: 'What has been recorded for a case at the meeting, with its revision', params: ByItem, response: { 200: CaseRecord, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const record = caseRecord(db, request.session!.user, meeting, request.params.itemId);
        audit({ action: 'view', entityType: 'agenda', entityId: meeting.id, detail: { itemId: record.itemId, record: true } });
        return record;
      }),
  );

  app.put(
    '/:id/cases/:itemId/record',
    {
      config: { access: RECORDERS },
      schema: {
        tags: ['meeting'],
        summary: 'Save the risk analysis and outcome of a case; refused (409) when someone saved a newer revision',
        params: ByItem,
        body: CaseRecordInput,
        response: { 200: CaseRecord, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const saved = transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const record = saveCaseRecord(db, request.session!.user, meeting, request.params.itemId, request.body, app.clock());
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'agenda', entityId: meeting.id, detail: { itemId: record.itemId, revision: record.revision } }, app.clock());
        return record;
      });
      announce(request.params.id);
      return saved;
    },
  );

  app.post(
    '/:id/cases/:itemId/actions',
    {
      config: { access: RECORDERS },
      schema: {
        tags: ['meeting'],
        summary: 'Record an action agreed for the case: owning agency, description, linked risk, category, due date',
        params: ByItem,
        body: CreateAction,
        response: { 201: CaseRecord, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const record = transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        const actionId = addAction(db, user, meeting, request.params.itemId, request.body, todayInLondon(app.clock), app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'action', entityId: actionId, detail: { meetingId: meeting.id, agencyId: request.body.agencyId } }, app.clock());
        return caseRecord(db, user, meeting, request.params.itemId);
      });
      announce(request.params.id);
      return reply.status(201).send(record);
    },
  );

  app.post(
    '/:id/reviews/:actionId',
    {
      config: { access: RECORDERS },
      schema: {
        tags: ['meeting'],
        summary: 'Review an action from an earlier meeting: completed, not possible, not completed by the agency, or carried forward',
        params: z.object({ id: Id, actionId: Id }),
        body: ReviewActionInput,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        reviewAction(db, user, meeting, request.params.actionId, request.body, todayInLondon(app.clock), app.clock());
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'action', entityId: request.params.actionId, detail: { reviewedAt: meeting.id, outcome: request.body.outcome } }, app.clock());
      });
      announce(request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/cases/:itemId/open',
    {
      config: { access: RECORDERS },
      schema: { tags: ['meeting'], summary: 'Move the meeting to this case: every screen following the meeting opens it', params: ByItem, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => {
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        openCase(db, request.session!.user, meeting, request.params.itemId, app.clock());
        recordAudit(db, actorOf(request), { action: 'view', entityType: 'agenda', entityId: meeting.id, detail: { itemId: request.params.itemId, opened: true } }, app.clock());
      });
      announce(request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default routes;