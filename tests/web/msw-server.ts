import { CONFIDENTIALITY_STATEMENT, CONFIDENTIALITY_STATEMENT_VERSION } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * A meeting's page gathers several features (agenda, research, attendance, the statement). Each test
 * adds the handlers its story needs; the reads of the features it is not about are answered here with
 * nothing to show (an empty list, a statement already signed), and any handler a test adds wins.
 */
const meetingPageFallbacks = [
  http.get('/api/meetings/:id/attendance', () => HttpResponse.json([])),
  http.get('/api/meetings/:id/confidentiality', () =>
    HttpResponse.json({ statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, statement: [...CONFIDENTIALITY_STATEMENT], signedAt: '2026-03-17T09:00:00.000Z' }),
  ),
  http.get('/api/meetings/:id/research', () => HttpResponse.json([])),
  http.get('/api/meetings/:id/research-grid', () => HttpResponse.json({ researchDeadline: '2026-03-13', agencies: [], cases: [], outstanding: 0, heldBack: [] })),
];

/**
 * A case's page shows its coordinators and chairs who is barred from it; a test not about bars is
 * answered with nobody barred and nothing to change.
 */
const casePageFallbacks = [
  http.get('/api/cases/:caseId/bars', ({ params }) =>
    HttpResponse.json({ caseId: params.caseId, caseReference: 'the case', active: [], lifted: [], canChange: false }),
  ),
];

/**
 * The header asks every signed-in coordinator, chair and representative how many notices are unread;
 * a test not about notices is answered with none.
 */
const headerFallbacks = [http.get('/api/notifications', () => HttpResponse.json({ items: [], total: 0, limit: 1, offset: 0, unread: 0 }))];

/** The one network for web tests; each test adds the handlers its story needs. */
export const server = setupServer(...meetingPageFallbacks, ...casePageFallbacks, ...headerFallbacks);
