import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, type Problem } from '@rt/api/client';
import type { NewProvider, NewUnit } from '@rt/api/register';
import { I18nProvider } from '@rt/i18n';

const createProvider = vi.fn();
const createUnit = vi.fn();
const unit = vi.fn();
const updateUnit = vi.fn();

vi.mock('@rt/api/register', async (orig) => ({
  ...(await orig<typeof import('@rt/api/register')>()),
  register: {
    createProvider: (p: NewProvider) => createProvider(p),
    createUnit: (u: NewUnit) => createUnit(u),
    unit: (id: string) => unit(id),
    updateUnit: (u: NewUnit) => updateUnit(u),
    providers: async () => [{ id: 'p-1', name: 'Lindens Omsorg AB', orgNumber: '556677-8899', regi: 'extern' }],
    frameworkAgreements: async () => [{ id: 'ra-hvb', name: 'HVB barn och unga 2025' }],
  },
}));
vi.mock('@rt/matching/codelists', async (orig) => ({
  ...(await orig<typeof import('@rt/matching/codelists')>()),
  useCodelists: () => ({
    malgrupper: [{ value: 'barn-unga', label: 'Barn och unga' }],
    placeringsformer: [
      { value: 'hvb-barn-unga', label: 'HVB för barn och unga' },
      { value: 'familjehem', label: 'Familjehem' },
    ],
    lagrum: [{ value: 'sol', label: 'SoL' }],
    kon: [{ value: 'flicka-kvinna', label: 'Flicka/kvinna' }],
    behov: [{ value: 'npf', label: 'NPF' }],
  }),
}));

const { NewProviderPage } = await import('../src/register/ProviderPages');
const { NewUnitPage, UnitEditPage } = await import('../src/register/UnitForm');

const inSwedish = (ui: React.ReactNode) => render(<I18nProvider lang="sv">{ui}</I18nProvider>);

beforeEach(() => {
  window.scrollTo = vi.fn() as typeof window.scrollTo;
  createProvider.mockReset();
  createUnit.mockReset();
  unit.mockReset();
  updateUnit.mockReset();
  window.history.replaceState(null, '', '/');
});

describe('NewProviderPage', () => {
  it('marks the required fields and shows the server problems at each field and in the summary', async () => {
    createProvider.mockRejectedValue(
      new ApiProblem(400, 'REGISTER_INVALID', 'The provider has invalid fields.', [
        { pointer: '/name', code: 'required', detail: 'Missing name.' },
        { pointer: '/orgNumber', code: 'invalid-value', detail: 'Organisationsnummer must be written NNNNNN-NNNN.' },
        { pointer: '/regi', code: 'required', detail: 'Missing regi.' },
      ]),
    );
    inSwedish(<NewProviderPage />);
    expect(screen.getByText('Namn').parentElement?.textContent).toBe('Namn (obligatorisk)');
    expect(screen.getByText('Kontaktpersonens namn').textContent).toBe('Kontaktpersonens namn');
    fireEvent.change(screen.getByLabelText(/Organisationsnummer/), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa' }));

    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Namn: Fyll i ett värde.', '#p-name'],
      ['Organisationsnummer: Organisationsnummer must be written NNNNNN-NNNN.', '#p-orgNumber'],
      ['Regi: Fyll i ett värde.', '#p-regi'],
    ]);
    const org = screen.getByLabelText(/Organisationsnummer/);
    expect(org.getAttribute('aria-invalid')).toBe('true');
    expect(org.getAttribute('aria-describedby')).toBe('p-orgNumber-hint p-orgNumber-error');
    expect(document.getElementById('p-orgNumber-error')?.textContent).toBe('Fel: Organisationsnummer must be written NNNNNN-NNNN.');
    expect(document.getElementById('p-regi-error')?.textContent).toBe('Fel: Fyll i ett värde.');
    expect(createProvider).toHaveBeenCalledWith(expect.objectContaining({ orgNumber: '12345', contact: null }));
  });

  it('creates the provider and goes to its page', async () => {
    createProvider.mockResolvedValue({ id: 'p-new', name: 'Nya Omsorg AB', version: 1 });
    inSwedish(<NewProviderPage />);
    fireEvent.change(screen.getByLabelText(/^Namn/), { target: { value: 'Nya Omsorg AB' } });
    fireEvent.change(screen.getByLabelText(/Organisationsnummer/), { target: { value: '556000-1111' } });
    fireEvent.click(screen.getByLabelText('Egen regi (kommunens)'));
    fireEvent.change(screen.getByLabelText('E-post'), { target: { value: 'info@nya.se' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa' }));
    await waitFor(() => expect(window.location.pathname).toBe('/register/providers/p-new'));
    expect(window.location.search).toBe('?created=1');
    expect(createProvider).toHaveBeenCalledWith({ name: 'Nya Omsorg AB', orgNumber: '556000-1111', regi: 'egen', contact: { email: 'info@nya.se' } });
  });
});

describe('NewUnitPage', () => {
  it('takes the provider from the address and the coded fields from checkbox groups, then goes to the new unit', async () => {
    window.history.replaceState(null, '', '/register/units/new?provider=p-1');
    createUnit.mockResolvedValue({ unit: { id: 'u-new', providerId: 'p-1', name: 'Lindgården' } });
    inSwedish(<NewUnitPage />);
    const provider = (await screen.findByLabelText(/^Utförare/)) as HTMLSelectElement;
    expect(provider.value).toBe('p-1');
    fireEvent.change(screen.getByLabelText(/^Namn/), { target: { value: 'Lindgården' } });
    fireEvent.change(screen.getByLabelText(/^Ort/), { target: { value: 'Umeå' } });
    const forms = screen.getByRole('group', { name: 'Placeringsformer (obligatorisk)' });
    fireEvent.click(within(forms).getByLabelText('Familjehem'));
    fireEvent.click(screen.getByLabelText('Barn och unga'));
    fireEvent.click(screen.getByLabelText('NPF'));
    fireEvent.change(screen.getByLabelText('Avtalstyp'), { target: { value: 'ramavtal' } });
    fireEvent.change(await screen.findByLabelText(/^Ramavtal/), { target: { value: 'ra-hvb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till prisperiod' }));
    fireEvent.change(screen.getByLabelText('Pris per dygn 1'), { target: { value: '3900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa' }));
    await waitFor(() => expect(window.location.pathname).toBe('/register/units/u-new'));
    expect(createUnit).toHaveBeenCalledWith(
      expect.objectContaining({
        providerId: 'p-1',
        name: 'Lindgården',
        locality: 'Umeå',
        placementForms: ['familjehem'],
        targetGroups: ['barn-unga'],
        needs: ['npf'],
        agreement: { type: 'ramavtal', frameworkAgreementId: 'ra-hvb' },
        prices: [expect.objectContaining({ model: 'per-dygn', perDay: 3900 })],
      }),
    );
  });

  it('puts a problem with a coded value at its checkbox group', async () => {
    createUnit.mockRejectedValue(
      new ApiProblem(400, 'REGISTER_INVALID', 'The unit has invalid fields.', [
        { pointer: '/placementForms', code: 'required', detail: 'Missing placementForms.' },
        { pointer: '/legalBases/0', code: 'not-in-codelist', detail: "'x' is not a value of the codelist 'lagrum'.", params: { value: 'x', codelist: 'lagrum' } },
      ] as Problem[]),
    );
    inSwedish(<NewUnitPage />);
    await screen.findByLabelText(/^Utförare/);
    fireEvent.click(screen.getByRole('button', { name: 'Skapa' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#u-placementForms', '#u-legalBases']);
    const group = screen.getByRole('group', { name: 'Placeringsformer (obligatorisk)' });
    expect(group.getAttribute('aria-describedby')).toBe('u-placementForms-error');
    expect(document.getElementById('u-placementForms-error')?.textContent).toBe('Fel: Fyll i ett värde.');
    // The text names the refused value (the problem's params).
    expect(document.getElementById('u-legalBases-error')?.textContent).toBe('Fel: Värdet x finns inte i kodlistan lagrum (eller är inte längre aktivt).');
    // The summary link focuses the group's first checkbox.
    fireEvent.click(within(summary).getAllByRole('link')[0]);
    expect(document.activeElement?.id).toBe('u-placementForms');
  });
});

describe('UnitEditPage', () => {
  const stored = { id: 'u-1', providerId: 'p-1', name: 'Lindgården', locality: 'Umeå', version: 4, targetGroups: [], placementForms: [], legalBases: [], genders: [], needs: [], prices: [] };

  it('offers to read the latest version after a concurrent change, and an unknown 409 is only an error', async () => {
    unit.mockResolvedValueOnce({ unit: stored }).mockResolvedValueOnce({ unit: { ...stored, name: 'Lindgården 2', version: 5 } });
    updateUnit.mockRejectedValueOnce(new ApiProblem(409, 'CONCURRENT_UPDATE', 'The unit has been changed.'));
    inSwedish(<UnitEditPage id="u-1" />);
    fireEvent.change(await screen.findByLabelText(/^Namn/), { target: { value: 'Lindgården ny' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findByText('Någon annan har ändrat verksamheten');
    expect(updateUnit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Lindgården ny', version: 4 }));
    fireEvent.click(screen.getByRole('button', { name: 'Läs in senaste versionen' }));
    await waitFor(() => expect((screen.getByLabelText(/^Namn/) as HTMLInputElement).value).toBe('Lindgården 2'));
    expect(screen.queryByText('Någon annan har ändrat verksamheten')).toBeNull();

    updateUnit.mockRejectedValueOnce(new ApiProblem(409, 'OTHER', 'Something else.'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    // An unknown code: the text by status, the server's (English) detail after it, in the alert.
    expect((await screen.findByText(/Something else\./)).closest('[role=alert]')?.textContent).toContain('Någon annan har ändrat uppgifterna');
    expect(updateUnit).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('Någon annan har ändrat verksamheten')).toBeNull();
  });
});
