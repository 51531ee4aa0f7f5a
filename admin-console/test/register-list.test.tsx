import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UnitPage, UnitSummary } from '@rt/api/register';
import { I18nProvider } from '@rt/i18n';

const TOTAL = 120;
const unit = (i: number): UnitSummary => ({ id: `u${i}`, name: `Enhet ${String(i).padStart(3, '0')}`, providerName: 'Utförare', active: true });
const units = vi.fn(async ({ offset = 0, limit = 100, q }: { offset?: number; limit?: number; q?: string }): Promise<UnitPage> => {
  const all = q ? [unit(7)] : Array.from({ length: TOTAL }, (_, i) => unit(i + 1));
  return { total: all.length, offset, limit, items: all.slice(offset, offset + limit) };
});

vi.mock('@rt/api/register', async (orig) => ({
  ...(await orig<typeof import('@rt/api/register')>()),
  register: { units: (p: { offset?: number; limit?: number; q?: string }) => units(p) },
}));

// A register writer (the page's buttons follow the signed-in user's permissions; see access.test.ts).
vi.mock('../src/access', async (orig) => ({
  ...(await orig<typeof import('../src/access')>()),
  useAccess: () => ({ metadata: true, design: true, register: true, registerWrite: true, users: true, nothing: false }),
}));

const { RegisterPage } = await import('../src/register/RegisterPage');

beforeEach(() => {
  window.scrollTo = vi.fn() as typeof window.scrollTo;
  units.mockClear();
  window.history.replaceState(null, '', '/register');
});

describe('RegisterPage paging', () => {
  it('asks the server for one page at a time, keeps the page in the address and moves focus to the status', async () => {
    render(
      <I18nProvider lang="sv">
        <RegisterPage />
      </I18nProvider>,
    );
    await screen.findByText('Visar 1–50 av 120 verksamheter (sida 1 av 3).');
    expect(units).toHaveBeenLastCalledWith({ q: undefined, offset: 0, limit: 50 });
    expect(screen.getAllByRole('row')).toHaveLength(51);

    const nav = screen.getByRole('navigation', { name: 'Sidor i registret' });
    fireEvent.click(within(nav).getByRole('button', { name: /Nästa/ }));
    await screen.findByText('Visar 51–100 av 120 verksamheter (sida 2 av 3).');
    expect(units).toHaveBeenLastCalledWith({ q: undefined, offset: 50, limit: 50 });
    expect(window.location.search).toBe('?page=2');
    await waitFor(() => expect(document.activeElement?.id).toBe('reg-status'));
    expect(within(nav).getByRole('button', { name: 'Sida 2' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Sida 3' }));
    await screen.findByText('Visar 101–120 av 120 verksamheter (sida 3 av 3).');
    expect(within(screen.getByRole('navigation')).queryByRole('button', { name: /Nästa/ })).toBeNull();

    // A new filter starts again on page 1.
    fireEvent.change(screen.getByRole('textbox', { name: 'Sök verksamhet, utförare eller ort' }), { target: { value: 'Enhet 007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrera' }));
    await screen.findByText('Visar 1–1 av 1 verksamheter (sida 1 av 1).');
    expect(units).toHaveBeenLastCalledWith({ q: 'Enhet 007', offset: 0, limit: 50 });
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
