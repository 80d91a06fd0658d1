import { ProtocolRegister, RecordProtocolSignature, WithdrawProtocolSignature, type ProtocolRegisterRow, type ProtocolSignatureEntry } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { todayInLondon } from '../../../../web/src/lib/today';
import { buildArea, buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';

const AREA_ID = newId();
const ADMIN_ID = newId();

function buildSignature(agencyId: string, agencyName: string, overrides: Partial<ProtocolSignatureEntry> = {}): ProtocolSignatureEntry {
  return {
    id: newId(),
    areaId: AREA_ID,
    agencyId,
    agencyName,
    signedOn: '2026-02-03',
    signatory: 'Sam Patel, Head of Safeguarding',
    recordedBy: ADMIN_ID,
    recordedByName: 'Ada Admin',
    withdrawnOn: null,
    ...overrides,
  };
}

function row(agencyName: string, kind: ProtocolRegisterRow['agencyKind'], signature: ProtocolSignatureEntry | null | ((agencyId: string) => ProtocolSignatureEntry)): ProtocolRegisterRow {
  const agencyId = newId();
  const own = typeof signature === 'function' ? signature(agencyId) : signature;
  return { agencyId, agencyName, agencyKind: kind, agencyDisabled: false, status: own === null ? 'not_signed' : own.withdrawnOn ? 'withdrawn' : 'signed', signature: own };
}

/** Derby City: the police signed, housing withdrew, the mental health trust never signed. */
function derbyRegister(): ProtocolRegister {
  const police = row('Derbyshire Constabulary', 'police', (id) => buildSignature(id, 'Derbyshire Constabulary', { signedOn: '2026-02-03', signatory: 'DCI Jo Gale' }));
  const housing = row('Derby Homes', 'housing', (id) =>
    buildSignature(id, 'Derby Homes', { signedOn: '2025-04-01', signatory: 'Lee Moss, Director of Housing', withdrawnOn: '2026-06-30' }),
  );
  const mind = row('Derbyshire Healthcare', 'mental_health', null);
  return ProtocolRegister.parse({
    areaId: AREA_ID,
    areaName: 'Derby City',
    agencies: [housing, police, mind],
    history: [police.signature, housing.signature],
  });
}

/** The register as the server holds it; `current` is read on every request so a change shows. */
function registerHandlers(current: { register: ProtocolRegister }) {
  return http.get('/api/admin/areas/:id/protocol', ({ params }) =>
    params.id === AREA_ID ? HttpResponse.json(current.register) : apiErrorResponse(404, 'not_found', 'That area does not exist or you do not have access to it'),
  );
}

const admin = () => signedInAs(buildMe({ role: 'administrator', csrfToken: 'csrf-admin-1' }));
const rowOf = (name: string) => {
  const table = screen.getByRole('table', { name: 'Agencies serving Derby City' });
  return within(table).getByText(name, { selector: 'strong' }).closest('tr') as HTMLElement;
};

async function typeDate(user: ReturnType<typeof renderApp>['user'], legend: string, day: string, month: string, year: string) {
  const group = screen.getByRole('group', { name: legend });
  for (const [label, value] of [['Day', day], ['Month', month], ['Year', year]] as const) {
    const box = within(group).getByLabelText(label);
    await user.clear(box);
    if (value) await user.type(box, value);
  }
}

describe('protocol register', () => {
  it('is reached from the areas page and shows where each agency stands, with the history', async () => {
    const current = { register: derbyRegister() };
    server.use(admin(), registerHandlers(current), http.get('/api/admin/areas', () => HttpResponse.json([buildArea({ id: AREA_ID, name: 'Derby City' })])));
    const { user, router } = renderApp('/admin/areas');

    await user.click(await screen.findByRole('link', { name: 'Protocol register of Derby City' }));
    expect(currentPath(router)).toBe(`/admin/areas/${AREA_ID}/protocol`);
    const heading = await screen.findByRole('heading', { level: 1, name: /Information-sharing protocol register$/ });
    // The area's name, once the register has it, is the heading's caption.
    await within(heading).findByText('Derby City');

    const police = rowOf('Derbyshire Constabulary');
    expect(within(police).getByText('Signed')).toHaveClass('govuk-tag', 'govuk-tag--green');
    expect(police).toHaveTextContent('3 February 2026');
    expect(police).toHaveTextContent('DCI Jo Gale');
    expect(police).toHaveTextContent('Ada Admin');
    expect(within(police).getByRole('button', { name: 'Withdraw Derbyshire Constabulary' })).toBeInTheDocument();

    const housing = rowOf('Derby Homes');
    expect(within(housing).getByText('Withdrawn')).toHaveClass('govuk-tag--orange');
    expect(housing).toHaveTextContent('1 April 2025');
    expect(housing).toHaveTextContent('30 June 2026');
    expect(within(housing).queryByRole('button')).not.toBeInTheDocument();

    const mind = rowOf('Derbyshire Healthcare');
    expect(within(mind).getByText('Not signed')).toHaveClass('govuk-tag--grey');
    expect(mind).toHaveTextContent('Mental health');
    expect(mind).toHaveTextContent('No signature recorded');

    const history = screen.getByRole('table', { name: 'Every signature recorded' });
    expect(within(history).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Derbyshire Constabulary3 February 2026DCI Jo GaleAda AdminNot withdrawn',
      'Derby Homes1 April 2025Lee Moss, Director of HousingAda Admin30 June 2026',
    ]);
    // Only agencies without a current signature can be chosen to sign.
    expect(within(screen.getByLabelText('Agency')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose an agency', 'Derby Homes', 'Derbyshire Healthcare']);
  });

  it('records a signature, sending the CSRF token, shows the new register and empties the form', async () => {
    const current = { register: derbyRegister() };
    const mind = current.register.agencies.find((a) => a.agencyName === 'Derbyshire Healthcare') as ProtocolRegisterRow;
    let body: RecordProtocolSignature | undefined;
    let csrf: string | null = null;
    server.use(
      admin(),
      registerHandlers(current),
      http.post('/api/admin/areas/:id/protocol', async ({ request, params }) => {
        expect(params.id).toBe(AREA_ID);
        csrf = request.headers.get('x-csrf-token');
        body = RecordProtocolSignature.parse(await request.json());
        const signature = buildSignature(mind.agencyId, mind.agencyName, { signedOn: body.signedOn, signatory: body.signatory });
        current.register = {
          ...current.register,
          agencies: current.register.agencies.map((a) => (a.agencyId === mind.agencyId ? { ...a, status: 'signed', signature } : a)),
          history: [signature, ...current.register.history],
        };
        return HttpResponse.json(current.register, { status: 201 });
      }),
    );
    const { user } = renderApp(`/admin/areas/${AREA_ID}/protocol`);

    await user.selectOptions(await screen.findByLabelText('Agency'), 'Derbyshire Healthcare');
    await typeDate(user, 'Date signed', '7', '3', '2026');
    await user.type(screen.getByLabelText('Signed by'), 'Dr Amy Rowe, Medical Director');
    await user.click(screen.getByRole('button', { name: 'Record the signature' }));

    expect(await screen.findByText('Derbyshire Healthcare’s signature has been recorded')).toBeInTheDocument();
    expect(body).toEqual({ agencyId: mind.agencyId, signedOn: '2026-03-07', signatory: 'Dr Amy Rowe, Medical Director' });
    expect(csrf).toBe('csrf-admin-1');
    const signed = rowOf('Derbyshire Healthcare');
    expect(within(signed).getByText('Signed')).toHaveClass('govuk-tag--green');
    expect(signed).toHaveTextContent('7 March 2026');
    expect(signed).toHaveTextContent('Dr Amy Rowe, Medical Director');
    expect(within(screen.getByLabelText('Agency')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose an agency', 'Derby Homes']);
    expect(screen.getByLabelText('Agency')).toHaveValue('');
    expect(screen.getByLabelText('Signed by')).toHaveValue('');
    expect(screen.queryByRole('heading', { name: 'There is a problem' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal on its field and keeps everything typed', async () => {
    const current = { register: derbyRegister() };
    let posted = 0;
    server.use(
      admin(),
      registerHandlers(current),
      http.post('/api/admin/areas/:id/protocol', () => {
        posted += 1;
        return apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'agencyId', message: 'Choose an agency that serves this area: add the area to the agency first' },
        ]);
      }),
    );
    const { user } = renderApp(`/admin/areas/${AREA_ID}/protocol`);

    await user.selectOptions(await screen.findByLabelText('Agency'), 'Derby Homes');
    await typeDate(user, 'Date signed', '1', '11', '2026');
    await user.type(screen.getByLabelText('Signed by'), 'Lee Moss, Director of Housing');
    await user.click(screen.getByRole('button', { name: 'Record the signature' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Choose an agency that serves this area: add the area to the agency first' });
    expect(link).toHaveAttribute('href', '#protocol-agency');
    await user.click(link);
    expect(screen.getByLabelText('Agency')).toHaveFocus();
    expect(screen.getByLabelText('Agency')).toHaveAccessibleDescription(/Choose an agency that serves this area/);
    expect(posted).toBe(1);
    expect(screen.getByLabelText('Agency')).toHaveValue(current.register.agencies.find((a) => a.agencyName === 'Derby Homes')?.agencyId);
    const group = screen.getByRole('group', { name: 'Date signed' });
    expect([within(group).getByLabelText('Day'), within(group).getByLabelText('Month'), within(group).getByLabelText('Year')].map((box) => (box as HTMLInputElement).value)).toEqual([
      '1',
      '11',
      '2026',
    ]);
    expect(screen.getByLabelText('Signed by')).toHaveValue('Lee Moss, Director of Housing');
    expect(rowOf('Derby Homes')).toHaveTextContent('Withdrawn');
  });

  it('asks for what is missing, and refuses a date to come, before sending anything', async () => {
    let posted = 0;
    server.use(
      admin(),
      registerHandlers({ register: derbyRegister() }),
      http.post('/api/admin/areas/:id/protocol', () => {
        posted += 1;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const { user } = renderApp(`/admin/areas/${AREA_ID}/protocol`);

    await user.click(await screen.findByRole('button', { name: 'Record the signature' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Choose the agency that signed', '#protocol-agency'],
      ['Enter the date the protocol was signed', '#protocol-signed-on-day'],
      ['Enter the name of the person who signed for the agency', '#protocol-signatory'],
    ]);

    await user.selectOptions(screen.getByLabelText('Agency'), 'Derbyshire Healthcare');
    await typeDate(user, 'Date signed', '1', '1', String(Number(todayInLondon().slice(0, 4)) + 1));
    await user.type(screen.getByLabelText('Signed by'), 'Dr Amy Rowe');
    await user.click(screen.getByRole('button', { name: 'Record the signature' }));
    expect(await within(screen.getByRole('alert')).findByRole('link', { name: 'The date signed must be today or in the past' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Date signed' })).toHaveAccessibleDescription(/The date signed must be today or in the past/);
    expect(posted).toBe(0);
  });

  it('withdraws a signature after confirmation, on the date given, and shows the agency as withdrawn', async () => {
    const current = { register: derbyRegister() };
    const police = current.register.agencies.find((a) => a.agencyName === 'Derbyshire Constabulary') as ProtocolRegisterRow;
    let body: WithdrawProtocolSignature | undefined;
    let withdrawnId: string | undefined;
    server.use(
      admin(),
      registerHandlers(current),
      http.post('/api/admin/areas/:id/protocol/:signatureId/withdraw', async ({ request, params }) => {
        withdrawnId = String(params.signatureId);
        body = WithdrawProtocolSignature.parse(await request.json());
        const signature = { ...(police.signature as ProtocolSignatureEntry), withdrawnOn: body.withdrawnOn };
        current.register = {
          ...current.register,
          agencies: current.register.agencies.map((a) => (a.agencyId === police.agencyId ? { ...a, status: 'withdrawn', signature } : a)),
          history: current.register.history.map((s) => (s.id === signature.id ? signature : s)),
        };
        return HttpResponse.json(current.register);
      }),
    );
    const { user } = renderApp(`/admin/areas/${AREA_ID}/protocol`);

    await user.click(await screen.findByRole('button', { name: 'Withdraw Derbyshire Constabulary' }));
    const question = screen.getByRole('heading', { name: 'Record that Derbyshire Constabulary has withdrawn from the protocol?' });
    expect(question).toHaveFocus();
    // The date starts as today, in London.
    const [year, month, day] = todayInLondon().split('-');
    const group = screen.getByRole('group', { name: 'Date withdrawn' });
    expect((within(group).getByLabelText('Day') as HTMLInputElement).value).toBe(String(Number(day)));
    expect((within(group).getByLabelText('Month') as HTMLInputElement).value).toBe(String(Number(month)));
    expect((within(group).getByLabelText('Year') as HTMLInputElement).value).toBe(year);
    // One step at a time: the signature form is away while the withdrawal is confirmed.
    expect(screen.queryByRole('button', { name: 'Record the signature' })).not.toBeInTheDocument();

    await typeDate(user, 'Date withdrawn', '30', '9', '2026');
    await user.click(screen.getByRole('button', { name: 'Yes, record the withdrawal' }));

    expect(await screen.findByText('Derbyshire Constabulary has been recorded as withdrawn from the protocol')).toBeInTheDocument();
    expect(withdrawnId).toBe(police.signature?.id);
    expect(body).toEqual({ withdrawnOn: '2026-09-30' });
    expect(screen.queryByRole('heading', { name: /has withdrawn from the protocol\?/ })).not.toBeInTheDocument();
    const row = rowOf('Derbyshire Constabulary');
    expect(within(row).getByText('Withdrawn')).toHaveClass('govuk-tag--orange');
    expect(row).toHaveTextContent('30 September 2026');
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record the signature' })).toBeInTheDocument();
  });

  it('keeps the withdrawal open with the server’s refusal on the date, and Cancel returns to the button', async () => {
    let posted = 0;
    server.use(
      admin(),
      registerHandlers({ register: derbyRegister() }),
      http.post('/api/admin/areas/:id/protocol/:signatureId/withdraw', () => {
        posted += 1;
        return apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'withdrawnOn', message: 'The date withdrawn must be on or after the date signed, 3 February 2026' },
        ]);
      }),
    );
    const { user } = renderApp(`/admin/areas/${AREA_ID}/protocol`);

    await user.click(await screen.findByRole('button', { name: 'Withdraw Derbyshire Constabulary' }));
    await typeDate(user, 'Date withdrawn', '1', '1', '2026');
    await user.click(screen.getByRole('button', { name: 'Yes, record the withdrawal' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The date withdrawn must be on or after the date signed, 3 February 2026' })).toHaveAttribute('href', '#protocol-withdrawn-on-day');
    expect(screen.getByRole('group', { name: 'Date withdrawn' })).toHaveAccessibleDescription(/on or after the date signed/);
    expect((within(screen.getByRole('group', { name: 'Date withdrawn' })).getByLabelText('Day') as HTMLInputElement).value).toBe('1');
    expect(rowOf('Derbyshire Constabulary')).toHaveTextContent('Signed');

    // A date that cannot be read is never sent.
    await typeDate(user, 'Date withdrawn', '31', '2', '2026');
    await user.click(screen.getByRole('button', { name: 'Yes, record the withdrawal' }));
    expect(await within(screen.getByRole('alert')).findByText('The date withdrawn must be a real date, like 27 3 2026')).toBeInTheDocument();
    expect(posted).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: /has withdrawn from the protocol\?/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Withdraw Derbyshire Constabulary' })).toHaveFocus();
  });

  it('says so when the area does not exist', async () => {
    server.use(admin(), registerHandlers({ register: derbyRegister() }));
    renderApp(`/admin/areas/${newId()}/protocol`);
    expect(await screen.findByRole('heading', { name: 'Sorry, the protocol register could not be shown' })).toBeInTheDocument();
    expect(screen.getByText('That area does not exist or you do not have access to it')).toBeInTheDocument();
  });
});
