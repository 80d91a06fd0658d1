import { ReferralDraftInput, ReferralSubmission, ReferralSubmissionRequest, type AgencyDirectoryEntry, type Me, type ReferralDetail, type ReferralDraft } from '@marac/shared';
import { cleanup, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect } from 'vitest';
import { datePartsFrom } from '../../../../web/src/components/ui/date-input';
import {
  draftPayload,
  newReferralValues,
  type ReferralFormValues,
} from '../../../../web/src/features/referrals/components/referral-form-values';
import { todayInLondon } from '../../../../web/src/lib/today';
import { buildAgencyDirectoryEntry, buildMe, buildReferralDetail, newId } from '../../factories';
import { agencyDirectory, signedInAs } from '../../handlers';
import { server } from '../../msw-server';

type Referrer = 'agency_representative' | 'coordinator';

/**
 * A referrer with one area (two for a coordinator), the agency directory, and an in-memory drafts and
 * referrals API that records every request, so a test can check exactly what the form sent.
 */
export function referralWorld(role: Referrer = 'agency_representative') {
  const city = { id: newId(), name: 'Derby City', code: 'DERBY' };
  const county = { id: newId(), name: 'Amber Valley', code: 'AMBER' };
  const police = buildAgencyDirectoryEntry({ name: 'Derbyshire Constabulary', kind: 'police', areaIds: [city.id, county.id] });
  const housing = buildAgencyDirectoryEntry({ name: 'Derby Homes', kind: 'housing', areaIds: [city.id] });
  const probation = buildAgencyDirectoryEntry({ name: 'Amber Valley Probation', kind: 'probation', areaIds: [county.id] });
  const agencies: AgencyDirectoryEntry[] = [police, housing, probation];
  const me: Me =
    role === 'agency_representative'
      ? buildMe({ role, name: 'Pat Police', email: 'pat.police@police.example.org', agency: { id: police.id, name: police.name, kind: 'police' }, areas: [city] })
      : buildMe({ role, name: 'Cora Coordinator', email: 'cora@council.example.org', areas: [city, county] });

  const drafts = new Map<string, ReferralDraft>();
  const sent = {
    draftCreates: [] as Record<string, unknown>[],
    draftUpdates: [] as { id: string; payload: Record<string, unknown> }[],
    draftDeletes: [] as string[],
    submissions: [] as ReferralSubmissionRequest[],
  };
  let clock = Date.parse('2026-01-15T14:03:00.000Z');
  const tick = () => {
    clock += 60_000;
    return new Date(clock).toISOString();
  };

  server.use(
    signedInAs(me),
    agencyDirectory(agencies),
    http.post('/api/referral-drafts', async ({ request }) => {
      const { payload } = ReferralDraftInput.parse(await request.json());
      sent.draftCreates.push(payload);
      const at = tick();
      const draft: ReferralDraft = { id: newId(), payload, createdAt: at, updatedAt: at };
      drafts.set(draft.id, draft);
      return HttpResponse.json(draft, { status: 201 });
    }),
    http.get('/api/referral-drafts/:id', ({ params }) => {
      const draft = drafts.get(String(params.id));
      return draft
        ? HttpResponse.json(draft)
        : HttpResponse.json({ code: 'not_found', message: 'That draft does not exist or you do not have access to it', fields: [], requestId: 'req-1' }, { status: 404 });
    }),
    http.put('/api/referral-drafts/:id', async ({ request, params }) => {
      const id = String(params.id);
      const { payload } = ReferralDraftInput.parse(await request.json());
      sent.draftUpdates.push({ id, payload });
      const existing = drafts.get(id);
      if (!existing) return HttpResponse.json({ code: 'not_found', message: 'That draft does not exist', fields: [], requestId: 'req-2' }, { status: 404 });
      const draft = { ...existing, payload, updatedAt: tick() };
      drafts.set(id, draft);
      return HttpResponse.json(draft);
    }),
    http.delete('/api/referral-drafts/:id', ({ params }) => {
      sent.draftDeletes.push(String(params.id));
      drafts.delete(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );

  /** A draft saved earlier, as the form would have saved it. */
  const saveDraft = (values: ReferralFormValues, resubmits: string | null = null): ReferralDraft => {
    const at = tick();
    const draft: ReferralDraft = { id: newId(), payload: draftPayload(values, resubmits), createdAt: at, updatedAt: at };
    drafts.set(draft.id, draft);
    return draft;
  };

  /** The server accepts a submission, answering with the referral it made (and serves it afterwards). */
  const acceptSubmissions = (reference = 'DERBY-R-2026-00042') => {
    const made = new Map<string, ReferralDetail>();
    server.use(
      http.post('/api/referrals', async ({ request }) => {
        const body = ReferralSubmissionRequest.parse(await request.json());
        sent.submissions.push(body);
        if (body.draftId) drafts.delete(body.draftId);
        const detail = buildReferralDetail({ reference, areaId: body.areaId, dashScore: body.dashScore });
        made.set(detail.id, detail);
        return HttpResponse.json(detail, { status: 201 });
      }),
      // The referral page may also ask for identity matches; none are needed to show where the form went.
      http.get('/api/referrals/:id/matches', () =>
        HttpResponse.json({ code: 'not_found', message: 'Not found', fields: [], requestId: 'r' }, { status: 404 }),
      ),
      http.get('/api/referrals/:id', ({ params }) => {
        const detail = made.get(String(params.id));
        return detail ? HttpResponse.json(detail) : HttpResponse.json({ code: 'not_found', message: 'Not found', fields: [], requestId: 'r' }, { status: 404 });
      }),
    );
  };

  return { me, city, county, police, housing, probation, drafts, sent, saveDraft, acceptSubmissions };
}

/**
 * A referral form filled in completely and correctly (15 "yes" answers): what a referrer would have
 * typed before pressing send. Invented names throughout.
 */
export function completeValues(me: Me, changes: Partial<ReferralFormValues> = {}): ReferralFormValues {
  const today = datePartsFrom(todayInLondon());
  const values = newReferralValues(me);
  const victim = values.victim;
  const perpetrator = values.perpetrators[0];
  if (!perpetrator || !victim.datesOfBirth[0]) throw new Error('the empty form has no perpetrator or date of birth row');
  return {
    ...values,
    referrerName: values.referrerName || 'PC Robin Referrer',
    referrerContact: values.referrerContact || 'robin.referrer@police.example.org',
    victim: {
      ...victim,
      givenName: 'Vicky',
      familyName: 'Example',
      gender: 'female',
      datesOfBirth: [{ ...victim.datesOfBirth[0], date: datePartsFrom('1990-04-12') }],
    },
    victimDetails: { ...values.victimDetails, safeToCall: 'no', interpreterNeeded: 'no' },
    perpetrators: [{ ...perpetrator, givenName: 'Paul', familyName: 'Sample', relationshipToVictim: 'Ex-partner' }],
    consent: { victimAware: 'yes', consentGiven: 'yes', reason: '' },
    previousMarac: { ...values.previousMarac, known: 'no' },
    managerSignOff: { ...values.managerSignOff, given: 'no' },
    assessment: {
      completedOn: today,
      answers: values.assessment.answers.map((_, i) => ({ answer: i < 15 ? 'yes' : 'no', comment: '' })),
    },
    ...changes,
  };
}

/**
 * One section of the form, to query within. The form is long: queries by label or role over the whole
 * page take seconds in jsdom, within one section a few milliseconds.
 */
export function section(name: 'referral' | 'victim' | 'perpetrators' | 'household' | 'safety' | 'dash' | 'criteria' | 'narrative') {
  const element = document.getElementById(`section-${name}`);
  if (!element) throw new Error(`no ${name} section on the page`);
  return within(element);
}

/** The fieldset of one DASH question, found by its number. */
export function dashQuestion(question: number): HTMLElement {
  const fieldset = document.getElementById(`referral-assessment-answers-q${question}`)?.closest('fieldset');
  if (!fieldset) throw new Error(`no DASH question ${question}`);
  expect(fieldset.querySelector('legend')).toHaveTextContent(new RegExp(`^${question}\\. `));
  return fieldset;
}

export async function answerDash(user: UserEvent, question: number, answer: 'Yes' | 'No' | 'Not known') {
  await user.click(within(dashQuestion(question)).getByLabelText(answer));
}

export const submissionOf = (body: unknown) => ReferralSubmission.parse(body);

/**
 * Closes the form while this test's API still answers. A form with unsaved changes saves them as it
 * closes (as when the person navigates away), and that request must not reach the next test.
 */
export async function closeForm() {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 100));
}
