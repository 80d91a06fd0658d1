import {
  CreateMeeting,
  CreateMeetingSeries,
  CreatedMeetingSeries,
  Id,
  InviteAgency,
  MeetingInvitationList,
  MeetingList,
  MeetingQuery,
  MeetingSeriesList,
  MeetingSeriesQuery,
  MeetingStatusChange,
  MeetingSummary,
  UpdateMeeting,
  VersionQuery,
} from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { notFound } from '../../lib/errors';
import { queueAgendaChanged } from '../mail/notices';
import { invitationsOf, inviteForCase, updateMeeting, withdrawInvitation } from './changes';
import { announce, recordEvent } from '../meeting-mode/events';
import { changeMeetingStatus } from './status';
import { claimVersion } from '../../db/versions';
import { meetings } from '../../db/schema';
import { createMeeting, createSeries, findMeeting, invitedToPublished, listMeetings, listSeries, meetingSummary, recordedAtPublished } from './calendar';

const AREA_STAFF = ['coordinator', 'chair'] as const;

/** Meeting series: the standing pattern of an area's MARAC. No personal data, so reads are not audited. */
export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: AREA_STAFF },
      schema: { tags: ['meetings'], summary: 'Meeting series of your areas', querystring: MeetingSeriesQuery, response: { 200: MeetingSeriesList, ...errorResponses(400, 401, 403) } },
    },
    async (request) => listSeries(app.database.db, request.session!.user, request.query.areaId),
  );

  app.post(
    '/',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['meetings'],
        summary: 'Start a meeting series: its meetings for the next 26 weeks are put in the calendar, with deadlines in working days',
        body: CreateMeetingSeries,
        response: { 201: CreatedMeetingSeries, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = transaction(app.database, (db) => {
        const result = createSeries(db, request.session!.user, request.body, todayInLondon(app.clock), app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'meeting', entityId: result.series.id, detail: { series: true, meetingsCreated: result.meetingsCreated } }, app.clock());
        return result;
      });
      return reply.status(201).send(created);
    },
  );
};

/** Meetings: scheduled ones come from a series; one-off and emergency ones are made here. */
export const meetingRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  app.get(
    '/',
    {
      config: { access: [...AREA_STAFF, 'agency_representative', 'observer'] },
      schema: { tags: ['meetings'], summary: 'Meetings of your areas in a date range, soonest first (for a representative: published ones their agency is invited to; for an observer: published ones they are recorded at)', querystring: MeetingQuery, response: { 200: MeetingList, ...errorResponses(400, 401, 403) } },
    },
    async (request) => listMeetings(app.database.db, request.session!.user, request.query, todayInLondon(app.clock)),
  );

  app.post(
    '/',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['meetings'],
        summary: 'Arrange a one-off or emergency meeting',
        body: CreateMeeting,
        response: { 201: MeetingSummary, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const summary = transaction(app.database, (db) => {
        const row = createMeeting(db, request.session!.user, request.body, todayInLondon(app.clock), app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'meeting', entityId: row.id, detail: { kind: row.kind } }, app.clock());
        return meetingSummary(db, request.session!.user, row);
      });
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: [...AREA_STAFF, 'agency_representative', 'observer'] },
      schema: { tags: ['meetings'], summary: 'One meeting (for a representative: a published one their agency is invited to; for an observer: a published one they are recorded at)', params: z.object({ id: Id }), response: { 200: MeetingSummary, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const db = app.database.db;
      const user = request.session!.user;
      const meeting = findMeeting(db, user, request.params.id);
      if (user.role === 'agency_representative' && !invitedToPublished(db, user, meeting)) throw notFound('meeting');
      if (user.role === 'observer' && !recordedAtPublished(db, user, meeting)) throw notFound('meeting');
      return meetingSummary(db, user, meeting);
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['meetings'],
        summary: 'Move or change a meeting, from the version you were shown (refused with 409 when someone else changed it since); deadlines are counted again from a new date unless given',
        params: z.object({ id: Id }),
        body: UpdateMeeting,
        response: { 200: MeetingSummary, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const today = todayInLondon(app.clock);
        const changed = updateMeeting(db, meeting, request.body, today);
        if (changed.length) {
          recordAudit(db, actorOf(request), { action: 'update', entityType: 'meeting', entityId: meeting.id, detail: { fields: changed } }, app.clock());
          queueAgendaChanged(db, meeting, today, app.clock(), options.publicUrl);
        }
        return meetingSummary(db, request.session!.user, findMeeting(db, request.session!.user, meeting.id));
      }),
  );

  app.get(
    '/:id/invitations',
    {
      config: { access: AREA_STAFF },
      schema: { tags: ['meetings'], summary: 'Agencies invited: to the whole meeting, or for one case', params: z.object({ id: Id }), response: { 200: MeetingInvitationList, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const db = app.database.db;
      return invitationsOf(db, request.session!.user, findMeeting(db, request.session!.user, request.params.id).id);
    },
  );

  app.post(
    '/:id/invitations',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['meetings'],
        summary: 'Invite an agency for one case on the agenda (never one the referral names as unsafe), from the version of the meeting you were shown',
        params: z.object({ id: Id }),
        body: InviteAgency,
        response: { 201: MeetingInvitationList, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const list = transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const result = inviteForCase(db, request.session!.user, meeting, request.body, app.clock());
        recordAudit(
          db,
          actorOf(request),
          { action: 'create', entityType: 'meeting', entityId: meeting.id, detail: { invitationId: result.invitationId, agencyId: request.body.agencyId, caseId: request.body.caseId, researchTask: result.researchTask } },
          app.clock(),
        );
        return invitationsOf(db, request.session!.user, meeting.id);
      });
      return reply.status(201).send(list);
    },
  );

  app.delete(
    '/:id/invitations/:invitationId',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['meetings'],
        summary: 'Withdraw an agency’s invitation for one case, from the version of the meeting you were shown (`?version=`)',
        params: z.object({ id: Id, invitationId: Id }),
        querystring: VersionQuery,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        withdrawInvitation(db, meeting, request.params.invitationId, request.query.version);
        recordAudit(db, actorOf(request), { action: 'delete', entityType: 'meeting', entityId: meeting.id, detail: { invitationId: request.params.invitationId } }, app.clock());
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/status',
    {
      config: { access: AREA_STAFF },
      schema: {
        tags: ['meetings'],
        summary: 'Move the meeting on, from the version you were shown: start it (on or after its date), mark it minuted (its cases heard), close it',
        params: z.object({ id: Id }),
        body: MeetingStatusChange,
        response: { 200: MeetingSummary, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const summary = transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        claimVersion(db, meetings, meeting.id, request.body.version, 'this meeting');
        changeMeetingStatus(db, user, meeting, request.body.status, todayInLondon(app.clock));
        recordEvent(db, meeting.id, null, 'meeting_status', { status: request.body.status }, app.clock());
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'meeting', entityId: meeting.id, detail: { status: request.body.status } }, app.clock());
        return meetingSummary(db, user, findMeeting(db, user, meeting.id));
      });
      announce(request.params.id);
      return summary;
    },
  );
};
