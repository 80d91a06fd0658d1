import {
  AttendanceEntry,
  AttendanceInput,
  CONFIDENTIALITY_STATEMENT,
  CONFIDENTIALITY_STATEMENT_VERSION,
  ConfidentialityStatus,
  SignStatement,
  type AgencyDirectoryEntry,
  type Me,
  type MeetingSummary,
} from '@marac/shared';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../../../../web/src/app/provider';
import { RequireSession } from '../../../../web/src/features/auth/components/require-session';
import { newId } from '../../factories';
import { agencyDirectory, apiErrorResponse, requestRecorder, signedInAs, type SentRequest } from '../../handlers';
import { server } from '../../msw-server';

// Attendance data and a small stand-in for the attendance API. All people are invented.

const RECORDED_AT = '2026-03-10T10:00:00.000Z';

export function buildAttendanceEntry(meeting: MeetingSummary, overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return AttendanceEntry.parse({
    id: newId(),
    meetingId: meeting.id,
    userId: null,
    name: 'Priya Shah',
    agencyId: null,
    kind: 'attendee',
    informationSent: false,
    recordedAt: RECORDED_AT,
    agencyName: null,
    signedAt: null,
    ...overrides,
  });
}

export function buildConfidentiality(overrides: Partial<ConfidentialityStatus> = {}): ConfidentialityStatus {
  return ConfidentialityStatus.parse({
    statementVersion: CONFIDENTIALITY_STATEMENT_VERSION,
    statement: [...CONFIDENTIALITY_STATEMENT],
    signedAt: null,
    ...overrides,
  });
}

/** Someone with an account the server knows: the name and agency an entry naming them gets. */
export interface Account {
  userId: string;
  name: string;
  agency: AgencyDirectoryEntry | null;
}

interface WorldOptions {
  entries?: AttendanceEntry[];
  confidentiality?: ConfidentialityStatus;
  agencies?: AgencyDirectoryEntry[];
  accounts?: Account[];
  /** Other meetings of the area, with their attendance, for the people recorded at recent meetings. */
  earlier?: { meeting: MeetingSummary; entries: AttendanceEntry[] }[];
  /** When the server signs the statement. */
  signAt?: string;
}

/**
 * The attendance API for one meeting, answering from the test's own state the way the real one
 * does, with every change recorded for the test to check.
 */
export function attendanceWorld(meeting: MeetingSummary, options: WorldOptions = {}) {
  const agencies = options.agencies ?? [];
  const earlier = options.earlier ?? [];
  const world = {
    entries: options.entries ?? [],
    confidentiality: options.confidentiality ?? buildConfidentiality(),
    requests: [] as SentRequest[],
    meetingQueries: [] as URLSearchParams[],
    /** How many times the statement was asked for. */
    statementReads: 0,
  };

  const record = requestRecorder(world.requests);

  const handlers = [
    agencyDirectory(agencies),
    http.get('/api/meetings', ({ request }) => {
      world.meetingQueries.push(new URL(request.url).searchParams);
      return HttpResponse.json([...earlier.map((other) => other.meeting), meeting]);
    }),
    http.get('/api/meetings/:id/attendance', ({ params }) => {
      if (params.id === meeting.id) return HttpResponse.json(world.entries);
      const other = earlier.find((candidate) => candidate.meeting.id === params.id);
      return other ? HttpResponse.json(other.entries) : apiErrorResponse(404, 'not_found', 'That meeting does not exist or you do not have access to it');
    }),
    http.post('/api/meetings/:id/attendance', async ({ request }) => {
      const input = AttendanceInput.parse((await record(request)).body);
      const account = options.accounts?.find((candidate) => candidate.userId === input.userId);
      const agency = account ? account.agency : (agencies.find((candidate) => candidate.id === input.agencyId) ?? null);
      world.entries = [
        ...world.entries,
        buildAttendanceEntry(meeting, {
          kind: input.kind,
          userId: input.userId,
          name: account?.name ?? input.name ?? '',
          agencyId: agency?.id ?? null,
          agencyName: agency?.name ?? null,
          informationSent: input.kind === 'apology' && input.informationSent,
        }),
      ];
      return HttpResponse.json(world.entries, { status: 201 });
    }),
    http.delete('/api/meetings/:id/attendance/:entryId', async ({ request, params }) => {
      await record(request);
      const entry = world.entries.find((candidate) => candidate.id === params.entryId);
      if (!entry) return apiErrorResponse(404, 'not_found', 'That attendance entry does not exist or you do not have access to it');
      world.entries = world.entries.filter((candidate) => candidate !== entry);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('/api/meetings/:id/confidentiality', () => {
      world.statementReads += 1;
      return HttpResponse.json(world.confidentiality);
    }),
    http.post('/api/meetings/:id/confidentiality', async ({ request }) => {
      const signature = SignStatement.parse((await record(request)).body);
      world.confidentiality = { ...world.confidentiality, statementVersion: signature.statementVersion, signedAt: options.signAt ?? '2026-03-17T09:12:00.000Z' };
      return HttpResponse.json(world.confidentiality);
    }),
  ];

  return { world, handlers };
}

/**
 * Mounts one part of the meeting page for a signed-in user, with the app's own providers and session
 * check, away from the page's other sections (agenda, research), which have their own tests.
 */
export function renderForUser(me: Me, ui: ReactNode, handlers: Parameters<typeof server.use>) {
  server.use(signedInAs(me), ...handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '*', element: <RequireSession>{() => ui}</RequireSession> }], { initialEntries: ['/meetings/meeting'] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, queryClient, user };
}

