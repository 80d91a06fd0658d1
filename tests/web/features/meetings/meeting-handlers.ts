import type { Agenda, MeetingSummary } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { apiErrorResponse } from '../../handlers';

// Handlers for the meetings API that answer from the test's own state, so a test can change what the
// server holds and see the page follow.

/** GET /api/meetings, recording each query string the page asked with. */
export function meetingList(meetings: () => MeetingSummary[], seen: URLSearchParams[] = []) {
  return http.get('/api/meetings', ({ request }) => {
    seen.push(new URL(request.url).searchParams);
    return HttpResponse.json(meetings());
  });
}

/** GET /api/meetings/:id/agenda for one meeting. */
export const agendaOf = (agenda: () => Agenda) =>
  http.get('/api/meetings/:id/agenda', ({ params }) => {
    const current = agenda();
    if (params.id !== current.meeting.id) return apiErrorResponse(404, 'not_found', 'This meeting does not exist');
    return HttpResponse.json(current);
  });

/** GET /api/meetings/:id for one meeting. */
export const meetingOf = (meeting: MeetingSummary) => http.get('/api/meetings/:id', () => HttpResponse.json(meeting));
