import type { AgencyDirectoryEntry, ErrorCode, FieldError, HomeSummary, Me, PublicInfo, ReferralDetail } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { buildApiError, buildHomeSummary, buildPublicInfo } from './factories';

/** A response in the API's one error shape. */
export const apiErrorResponse = (status: number, code: ErrorCode, message: string, fields: FieldError[] = []) =>
  HttpResponse.json(buildApiError(code, message, fields), { status });

/** The server's refusal of a change made from a version of the record someone else has changed since. */
export const versionConflict = (what: string) =>
  apiErrorResponse(409, 'conflict', `Someone else changed ${what} since you opened it: their version is shown; check it, then make your change again`, [
    { field: 'version', message: 'Changed by someone else meanwhile' },
  ]);

/** A request the page sent, as a stand-in API received it: the JSON body parsed, with the CSRF token it carried. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  csrf: string | null;
}

/** How a stand-in API keeps every request it is sent in `requests`, for the test to check; each is returned as kept. */
export const requestRecorder =
  (requests: SentRequest[]) =>
  async (request: Request): Promise<SentRequest> => {
    const text = await request.text();
    const sent: SentRequest = {
      method: request.method,
      path: new URL(request.url).pathname,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      csrf: request.headers.get('x-csrf-token'),
    };
    requests.push(sent);
    return sent;
  };

export const signedInAs = (me: Me) => http.get('/api/auth/me', () => HttpResponse.json(me));

export const signedOut = () =>
  http.get('/api/auth/me', () => apiErrorResponse(401, 'unauthenticated', 'Sign in to continue'));

export const publicInfo = (info: PublicInfo = buildPublicInfo()) => http.get('/api/public', () => HttpResponse.json(info));

export const homeSummary = (summary: HomeSummary = buildHomeSummary()) => http.get('/api/home', () => HttpResponse.json(summary));

export const agencyDirectory = (entries: AgencyDirectoryEntry[]) => http.get('/api/agencies', () => HttpResponse.json(entries));

/** The referral as the server holds it; `current` is read on every request so a test can change it. */
export const referralDetail = (current: () => ReferralDetail) =>
  http.get('/api/referrals/:id', ({ params }) => {
    const detail = current();
    return params.id === detail.id ? HttpResponse.json(detail) : apiErrorResponse(404, 'not_found', 'The referral was not found');
  });
