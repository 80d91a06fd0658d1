import type { Agenda, MeetingInvitationView, MeetingSeries, MeetingSummary } from '@marac/shared';
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

/** GET /api/meetings/:id/invitations: the agencies invited to the meeting. */
export const invitationsOf = (invitations: () => MeetingInvitationView[]) =>
  http.get('/api/meetings/:id/invitations', () => HttpResponse.json(invitations()));

/** GET /api/meeting-series, recording each query string the page asked with. */
export function seriesList(series: () => MeetingSeries[], seen: URLSearchParams[] = []) {
  return http.get('/api/meeting-series', ({ request }) => {
    seen.push(new URL(request.url).searchParams);
    return HttpResponse.json(series());
  });
}
