import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Hit, MatchResult } from '../src/api/register';
import { I18nProvider } from '../src/i18n';

const hit = (i: number): Hit => ({
  rank: i,
  unitId: `u${i}`,
  unitName: `Enhet ${i}`,
  providerName: `Utförare ${i}`,
  locality: 'Umeå',
  agreementType: 'ramavtal',
  frameworkAgreement: 'HVB Barn och unga',
  noticePeriodDays: 30,
  places: 8,
  vacancies: 2,
  pricePerDay: 3500,
  priceModel: 'per-dygn',
  caseworkerRating: { value: 4.2, count: 12, sufficient: true, display: '4,2 (12 svar)' },
  clientRating: { value: null, count: 1, sufficient: false, display: 'för få svar' },
  breakdownRate: 0.1,
  endedPlacements: 10,
  deviations: 0,
  ivoPermit: { number: 'IVO-1', validTo: '2027-12-31', validForPlacementForm: true, hasDocument: false },
  score: 90 - i,
  reasons: [{ factor: 'needs', weight: 0.4, score: 1, points: 40, text: 'Täcker 2 av 2 behov.' }],
  needsCovered: [],
  needsMissing: [],
});

const result: MatchResult = {
  profile: 'standard',
  profileVersion: 1,
  date: '2026-11-25',
  total: 5,
  excluded: { placeringsform: 300, 'lediga-platser': 12 },
  results: [1, 2, 3, 4, 5].map(hit),
};

const search = vi.fn(async (_c: unknown) => result);
const compare = vi.fn(async (_c: unknown, ids: string[]) => ({ units: ids.map((id) => hit(Number(id.substring(1)))), excluded: [] }));

vi.mock('../src/api/register', async (orig) => ({
  ...(await orig<typeof import('../src/api/register')>()),
  matching: { search: (c: unknown) => search(c), compare: (c: unknown, ids: string[]) => compare(c, ids), export: vi.fn() },
}));
vi.mock('../src/matching/codelists', async (orig) => ({
  ...(await orig<typeof import('../src/matching/codelists')>()),
  useCodelists: () => ({
    malgrupper: [{ value: 'barn-unga', label: 'Barn och unga' }],
    placeringsformer: [{ value: 'hvb-barn-unga', label: 'HVB för barn och unga' }],
    lagrum: [],
    kon: [{ value: 'flicka-kvinna', label: 'Flicka/kvinna' }],
    behov: [{ value: 'npf', label: 'NPF' }],
  }),
}));

const { MatchingPage } = await import('../src/pages/MatchingPage');

describe('MatchingPage', () => {
  it('searches, shows ranked results with reasons, and compares at most four', async () => {
    render(
      <I18nProvider lang="sv">
        <MatchingPage />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Målgrupp'), { target: { value: 'barn-unga' } });
    fireEvent.click(screen.getByLabelText('NPF'));
    fireEvent.change(screen.getByLabelText('Ålder (år)'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    await screen.findByText('5 träffar av 5 som uppfyller kraven');
    expect(search).toHaveBeenCalledWith(expect.objectContaining({ targetGroup: 'barn-unga', needs: ['npf'], age: 15 }));
    expect(screen.getByText('Bortsorterade: placeringsform 300, lediga platser 12.')).toBeTruthy();
    expect(screen.getAllByText('för få svar (1)')).toHaveLength(5);
    expect(screen.getByText('Skäl till poängen för Enhet 1')).toBeTruthy();

    const compareButton = screen.getByRole('button', { name: /Jämför valda/ });
    expect((compareButton as HTMLButtonElement).disabled).toBe(true);
    for (const i of [1, 2, 3, 4]) fireEvent.click(screen.getByLabelText(`Jämför Enhet ${i}`));
    expect((screen.getByLabelText('Jämför Enhet 5') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Jämför Enhet 4'));
    expect((screen.getByLabelText('Jämför Enhet 5') as HTMLInputElement).disabled).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Jämför valda (3)' }));
    await waitFor(() => expect(compare).toHaveBeenCalledWith(expect.anything(), ['u1', 'u2', 'u3']));
    const table = await screen.findByRole('table', { name: 'Jämförelsetabell' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Enhet 1', 'Enhet 2', 'Enhet 3']);
  });

  it('Rensa and a failed search clear results that no longer apply', { timeout: 20000 }, async () => {
    search.mockResolvedValueOnce({ ...result, results: [{ ...hit(1), vacancies: 1 }], total: 1 });
    render(
      <I18nProvider lang="sv">
        <MatchingPage />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Målgrupp'), { target: { value: 'barn-unga' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    await screen.findByText('1 träffar av 1 som uppfyller kraven');
    fireEvent.click(screen.getByRole('button', { name: 'Rensa' }));
    expect(screen.queryByText(/träffar av/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    await screen.findByText(/träffar av/);
    search.mockRejectedValueOnce(new Error('The locality is not known.'));
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    await screen.findByRole('alert');
    expect(screen.queryByText(/träffar av/)).toBeNull();
  });
});
