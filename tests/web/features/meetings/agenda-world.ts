import { AgendaChange, type Agenda, type AgendaEntry } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { agendaOf } from './meeting-handlers';

/**
 * A small stand-in for the agenda API: the agenda the server holds, changed by each AgendaChange the
 * way the real one changes it, with every request recorded for the test to check.
 */
export function agendaWorld(initial: Agenda) {
  const world = {
    agenda: initial,
    changes: [] as AgendaChange[],
    requests: [] as { path: string; contentType: string | null; body: string; csrf: string | null }[],
  };

  const renumber = (items: AgendaEntry[]): AgendaEntry[] => items.map((item, index) => ({ ...item, position: index + 1 }));

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
      world.agenda = apply(change);
      return HttpResponse.json(world.agenda);
    }),
  ];

  return { world, handlers, record };
}
