import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '@rt/api/client';
import { I18nProvider } from '@rt/i18n';
import type { UserView } from '../src/api/admin';

const api = vi.hoisted(() => ({
  users: {
    list: vi.fn(),
    get: vi.fn(),
    create: vi.fn(),
    update: vi.fn(),
    deactivate: vi.fn(),
    reactivate: vi.fn(),
    invite: vi.fn(),
    unlock: vi.fn(),
    organisation: vi.fn(),
  },
  audit: { search: vi.fn(), verify: vi.fn() },
}));
vi.mock('../src/api/admin', async (original) => ({ ...(await original<typeof import('../src/api/admin')>()), users: api.users, audit: api.audit }));
vi.mock('@rt/api/client', async (original) => {
  const real = await original<typeof import('@rt/api/client')>();
  return { ...real, metadata: { ...real.metadata, list: vi.fn(async () => [{ id: 'vuxna', content: { title: 'Vuxna – uppföljning' } }]) } };
});

import { AuditLogPage } from '../src/audit/AuditLogPage';
import { UserPage } from '../src/users/UserPage';

const org = [{ id: 'k', name: 'Kommunen', administrations: [{ id: 'sof', name: 'Socialförvaltningen', departments: [{ name: 'IFO', teams: ['Barn'] }] }] }];
const anna: UserView = {
  id: 'u1', username: 'anna', firstName: 'Anna', lastName: 'Ek', email: 'anna@kommun.se', administrations: ['sof'], team: 'Barn',
  permissions: { FOLLOW_UP: 'WRITE' }, methodPermissions: {}, active: true, activated: true, revision: 3, history: [],
};

const renderSv = (ui: React.ReactNode) => render(<I18nProvider lang="sv">{ui}</I18nProvider>);

beforeEach(() => {
  vi.clearAllMocks();
  api.users.organisation.mockResolvedValue(org);
});

describe('UserPage', () => {
  it('shows the server field errors at the fields and in a summary that focuses them', async () => {
    api.users.create.mockRejectedValue(
      new ApiProblem(400, 'USER_INVALID', 'The user has invalid fields.', [
        { pointer: '/email', code: 'invalid', detail: 'A valid e-mail address is required.' },
        { pointer: '/permissions/REPORTS', code: 'invalid', detail: 'READ, WRITE or ADMIN.' },
        { pointer: '/administrations', code: 'required', detail: 'At least one administration is required.' },
      ]),
    );
    renderSv(<UserPage />);
    fireEvent.change(await screen.findByLabelText('Användarnamn'), { target: { value: 'ny' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa och skicka inbjudan' }));

    const summary = await screen.findByRole('alert', { name: 'Det finns fel att rätta' });
    expect(summary.textContent).toContain('E-post: Värdet är inte giltigt.');
    expect(summary.textContent).toContain('Rapporter: Värdet är inte giltigt.');
    expect(summary.textContent).toContain('Förvaltningar: Fyll i ett värde.');
    const email = screen.getByLabelText('E-post');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain('user-email-error');
    expect(document.getElementById('user-email-error')?.textContent).toBe('Fel: Värdet är inte giltigt.');
    fireEvent.click(screen.getByRole('link', { name: 'Rapporter: Värdet är inte giltigt.' }));
    expect(document.activeElement?.id).toBe('user-permissions-REPORTS');
    expect(api.users.create).toHaveBeenCalledWith(expect.objectContaining({ username: 'ny', permissions: {}, revision: undefined }));
  });

  it('shows a taken user name at the user name field', async () => {
    api.users.create.mockRejectedValue(new ApiProblem(409, 'USERNAME_TAKEN', "The user name 'anna' is taken."));
    renderSv(<UserPage />);
    fireEvent.change(await screen.findByLabelText('Användarnamn'), { target: { value: 'anna' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa och skicka inbjudan' }));
    expect((await screen.findByRole('alert', { name: 'Det finns fel att rätta' })).textContent).toContain('Användarnamn: Användarnamnet är upptaget.');
    expect(document.getElementById('user-username-error')?.textContent).toContain('Fel: Användarnamnet är upptaget.');
    expect(screen.queryByText('Någon annan har ändrat användaren')).toBeNull();
  });

  it('sends the chosen permissions and administration', async () => {
    api.users.create.mockResolvedValue({ ...anna, id: 'new' });
    renderSv(<UserPage />);
    fireEvent.change(await screen.findByLabelText('Användarnamn'), { target: { value: 'ny.person' } });
    fireEvent.click(await screen.findByLabelText('Socialförvaltningen'));
    fireEvent.change(screen.getByLabelText('Team (valfritt)'), { target: { value: 'Barn' } });
    fireEvent.change(screen.getByLabelText('Uppföljning och metoder'), { target: { value: 'WRITE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till behörighet för en metod' }));
    await screen.findByRole('option', { name: 'Vuxna – uppföljning' });
    fireEvent.change(screen.getByLabelText('Metod 1'), { target: { value: 'vuxna' } });
    fireEvent.change(screen.getByLabelText('Behörighet för metod 1'), { target: { value: 'READ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa och skicka inbjudan' }));
    await waitFor(() => expect(api.users.create).toHaveBeenCalled());
    expect(api.users.create.mock.calls[0][0]).toMatchObject({
      username: 'ny.person',
      administrations: ['sof'],
      team: 'Barn',
      permissions: { FOLLOW_UP: 'WRITE' },
      methodPermissions: { vuxna: 'READ' },
    });
  });

  it('saves with the revision read and offers to reload after a concurrent change', async () => {
    api.users.get.mockResolvedValueOnce(anna).mockResolvedValueOnce({ ...anna, firstName: 'Annika', revision: 4 });
    api.users.update.mockRejectedValue(new ApiProblem(409, 'USER_CHANGED', 'Someone else has changed the user'));
    renderSv(<UserPage id="u1" />);
    fireEvent.change(await screen.findByLabelText('Förnamn'), { target: { value: 'Anne' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findByText('Någon annan har ändrat användaren');
    expect(api.users.update).toHaveBeenCalledWith('u1', expect.objectContaining({ firstName: 'Anne', revision: 3 }));
    fireEvent.click(screen.getByRole('button', { name: 'Läs in senaste versionen' }));
    await waitFor(() => expect((screen.getByLabelText('Förnamn') as HTMLInputElement).value).toBe('Annika'));
    expect(screen.queryByText('Någon annan har ändrat användaren')).toBeNull();
  });

  it('deactivates and then offers to reactivate', async () => {
    api.users.get.mockResolvedValue(anna);
    api.users.deactivate.mockResolvedValue({ ...anna, active: false, revision: 4 });
    renderSv(<UserPage id="u1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Avsluta kontot' }));
    expect(await screen.findByRole('button', { name: 'Återaktivera kontot' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Kontot är avslutat');
    expect(screen.queryByRole('button', { name: 'Skicka ny inbjudan' })).toBeNull();
  });
});

describe('AuditLogPage', () => {
  it('pages with the total and checks the integrity', async () => {
    const entry = (seq: number) => ({ seq, at: '2026-11-25T10:00:00Z', actor: 'admin', action: 'user.create', subjectType: 'user', subjectId: `u${seq}`, outcome: 'success' });
    api.audit.search.mockImplementation(async (s: { page: number }) => ({ entries: s.page === 0 ? [entry(60), entry(59)] : [entry(10)], total: 30 }));
    api.audit.verify.mockResolvedValue({ valid: true, entriesChecked: 61 });
    renderSv(<AuditLogPage />);
    await screen.findByText('30 händelser. Sida 1 av 2.');
    expect(screen.getAllByText('Användare skapad (user.create)')).toHaveLength(2);
    expect((screen.getByRole('button', { name: 'Nyare händelser' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('Händelsetyp', { exact: false }), { target: { value: 'user.*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    await waitFor(() => expect(api.audit.search).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'user.*', page: 0, size: 25 })));
    fireEvent.click(screen.getByRole('button', { name: 'Äldre händelser' }));
    await screen.findByText('30 händelser. Sida 2 av 2.');
    expect(api.audit.search).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'user.*', page: 1 }));

    fireEvent.click(screen.getByRole('button', { name: 'Kontrollera loggens integritet' }));
    expect((await screen.findByText(/Loggen är oförändrad/)).textContent).toBe('Loggen är oförändrad: 61 händelser kontrollerade.');
  });
});
