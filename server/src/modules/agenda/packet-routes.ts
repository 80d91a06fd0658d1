import { Id, PacketList, ResearchPacket } from '@marac/shared';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { people } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { flagTags } from '../history/flags';
import { findMeeting, invitedToPublished } from '../meetings/calendar';
import { packetItems, researchPacket } from './packets';
import { agendaPdf, packetPdf } from './pdf';
import { caseFlagsNow, listedReferrals } from './read';
import { recipientOf } from './recipient';
import { auditedRead } from '../audit/audited-read';
import { areaNameOf } from '../../db/names';

const READERS = ['coordinator', 'chair', 'agency_representative'] as const;
const ById = z.object({ id: Id });
const ByCase = z.object({ id: Id, caseId: Id });
const PdfBody = z.instanceof(Buffer).describe('application/pdf');

/** A file name with ids and dates only, never a name. */
const attachment = (name: string) => `attachment; filename="${name}"`;

/** Research packets and printable agendas under /api/meetings/:id. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const today = () => todayInLondon(app.clock);

  app.get(
    '/:id/packets',
    {
      config: { access: READERS },
      schema: { tags: ['agenda'], summary: 'The cases on this agenda whose research packets you may read', params: ById, response: { 200: PacketList, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        if (user.role === 'agency_representative' && !invitedToPublished(db, user, meeting)) throw notFound('meeting');
        if (meeting.status === 'planned') return [];
        const items = packetItems(db, user, meeting);
        audit({ action: 'list', entityType: 'research', entityId: meeting.id, detail: { packets: items.length } });
        return items.map(({ caseId, caseReference, position, slotStart }) => ({ caseId, caseReference, position, slotStart }));
      }),
  );

  app.get(
    '/:id/packets/:caseId',
    {
      config: { access: READERS },
      schema: { tags: ['agenda'], summary: 'The research packet of one case: who to search for, the flags, the referring agency', params: ByCase, response: { 200: ResearchPacket, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        if (meeting.status === 'planned') throw notFound('research packet');
        const packet = researchPacket(db, user, meeting, request.params.caseId, today());
        audit({ action: 'view', entityType: 'case', entityId: packet.caseId, detail: { packet: true, meetingId: meeting.id } });
        return packet;
      }),
  );

  app.get(
    '/:id/packets/:caseId/pdf',
    {
      config: { access: READERS },
      schema: { tags: ['agenda'], summary: 'The research packet as a PDF marked with who it was made for', params: ByCase, response: { 200: PdfBody, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const { packet, recipient } = await auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        if (meeting.status === 'planned') throw notFound('research packet');
        const found = researchPacket(db, user, meeting, request.params.caseId, today());
        audit({ action: 'export', entityType: 'case', entityId: found.caseId, detail: { packet: true, pdf: true, meetingId: meeting.id } });
        return { packet: found, recipient: recipientOf(db, user) };
      });
      const pdf = await packetPdf(packet, recipient, today());
      return reply.type('application/pdf').header('content-disposition', attachment(`packet-${packet.caseReference}.pdf`)).send(Buffer.from(pdf));
    },
  );

  app.get(
    '/:id/agenda/pdf',
    {
      config: { access: READERS },
      schema: { tags: ['agenda'], summary: 'The agenda as a PDF: every case for the area’s staff, an agency’s own cases for its representative', params: ById, response: { 200: PdfBody, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const { meeting, items, recipient, areaName } = await auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const found = findMeeting(db, user, request.params.id);
        if (user.role === 'agency_representative' && !invitedToPublished(db, user, found)) throw notFound('meeting');
        const items = packetItems(db, user, found);
        const referralsOf = listedReferrals(
          db,
          items.map((i) => i.itemId),
        );
        const listed = items.map((item) => {
          const victim = db.select({ givenName: people.givenName, familyName: people.familyName }).from(people).where(eq(people.id, item.grant.case.victimPersonId)).get();
          return {
            position: item.position,
            slotStart: item.slotStart,
            caseReference: item.caseReference,
            victimName: victim ? `${victim.givenName} ${victim.familyName}` : '',
            flags: flagTags(caseFlagsNow(db, user, referralsOf.get(item.itemId) ?? [], today(), { forPacket: true })).map((f) => f.label),
          };
        });
        audit({ action: 'export', entityType: 'agenda', entityId: found.id, detail: { pdf: true, cases: listed.length } });
        return { meeting: found, items: listed, recipient: recipientOf(db, user), areaName: areaNameOf(db, found.areaId) ?? '' };
      });
      const pdf = await agendaPdf({ areaName, date: meeting.date, startTime: meeting.startTime, location: meeting.location, version: meeting.agendaVersion }, items, recipient, today());
      return reply.type('application/pdf').header('content-disposition', attachment(`agenda-${meeting.date}.pdf`)).send(Buffer.from(pdf));
    },
  );
};

export default routes;
