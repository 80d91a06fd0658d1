import { AgendaChange, InviteAgency, type AgencyDirectoryEntry, type Agenda, type AgendaEntry, type MeetingInvitationView } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { newId } from '../../factories';
import { apiErrorResponse, versionConflict } from '../../handlers';
import { agendaOf, invitationsOf } from './meeting-handlers';

interface WorldOptions {
  /** The agencies invited to the meeting; none unless given. */
  invitations?: MeetingInvitationView[];
  /** The agencies an invitation can name. */
  agencies?: AgencyDirectoryEntry[];
}

/**
 * A small stand-in for the agenda API: the agenda the server holds, changed by each AgendaChange the
 * way the real one changes it, and the agencies invited, with every request recorded for the test to
 * check. Each change names the meeting's version, is refused when it is not the current one, and takes
 * the next.
 */
export function agendaWorld(initial: Agenda, options: WorldOptions = {}) {
  const world = {
    agenda: initial,
    invitations: options.invitations ?? [],
    changes: [] as AgendaChange[],
    requests: [] as { method: string; path: string; contentType: string | null; body: string; csrf: string | null }[],
  };

  const renumber = (items: AgendaEntry[]): AgendaEntry[] => items.map((item, index) => ({ ...item, position: index + 1 }));
  const stale = (version: number) => version !== world.agenda.meeting.version;
  const movedOn = (agenda: Agenda): Agenda => ({ ...agenda, meeting: { ...agenda.meeting, version: agenda.meeting.version + 1 } });

  const apply = (change: AgendaChange): Agenda => {
    const { items, removed } = world.agenda;
    const item = [...items, ...removed].find((entry) => entry.id === change.itemId);
    if (!item) throw new Error('unknown item');
    const others = items.filter((entry) => entry.id !== item.id);
    switch (change.change) {
      case 'position': {
        others.splice(change.position - 1, 0, { ...item, pinned: true });
        return { ...world.agenda, items: renumber(others) };
      }
      case 'pin':
        return { ...world.agenda, items: items.map((entry) => (entry.id === item.id ? { ...entry, pinned: change.pinned } : entry)) };
      case 'move':
        return { ...world.agenda, items: renumber(others) };
      case 'remove':
        return {
          ...world.agenda,
          items: renumber(others),
          removed: [...removed, { ...item, status: 'removed', removedReason: change.reason, pinned: false }],
        };
      case 'restore':
        return {
          ...world.agenda,
          items: renumber([...items, { ...item, status: 'listed', removedReason: null, manuallyPlaced: true }]),
          removed: removed.filter((entry) => entry.id !== item.id),
        };
    }
  };

  const record = async (request: Request) => {
    const body = await request.text();
    world.requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      contentType: request.headers.get('content-type'),
      body,
      csrf: request.headers.get('x-csrf-token'),
    });
    return body;
  };

  const handlers = [
    agendaOf(() => world.agenda),
    http.post('/api/meetings/:id/agenda/changes', async ({ request }) => {
      const change = AgendaChange.parse(JSON.parse(await record(request)));
      world.changes.push(change);
      if (stale(change.version)) return versionConflict('this meeting’s agenda');
      world.agenda = movedOn(apply(change));
      return HttpResponse.json(world.agenda);
    }),
    invitationsOf(() => world.invitations),
    http.post('/api/meetings/:id/invitations', async ({ request }) => {
      const invitation = InviteAgency.parse(JSON.parse(await record(request)));
      if (stale(invitation.version)) return versionConflict('this meeting');
      world.agenda = movedOn(world.agenda);
      const agency = options.agencies?.find((candidate) => candidate.id === invitation.agencyId);
      const item = world.agenda.items.find((entry) => entry.caseId === invitation.caseId);
      if (!agency || !item) throw new Error('unknown agency or case');
      world.invitations = [
        ...world.invitations,
        { id: newId(), agencyId: agency.id, agencyName: agency.name, caseId: item.caseId, caseReference: item.caseReference },
      ];
      return HttpResponse.json(world.invitations, { status: 201 });
    }),
    http.delete('/api/meetings/:id/invitations/:invitationId', async ({ request, params }) => {
      await record(request);
      const invitation = world.invitations.find((candidate) => candidate.id === params.invitationId);
      if (!invitation) return apiErrorResponse(404, 'not_found', 'This invitation does not exist');
      if (stale(Number(new URL(request.url).searchParams.get('version')))) return versionConflict('this meeting');
      world.agenda = movedOn(world.agenda);
      world.invitations = world.invitations.filter((candidate) => candidate !== invitation);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  /** Someone else changes the agenda (or the meeting), as the server would: the meeting's next version. */
  const changeElsewhere = (change: (agenda: Agenda) => Agenda = (agenda) => agenda) => {
    world.agenda = movedOn(change(world.agenda));
  };

  return { world, handlers, record, changeElsewhere };
}
