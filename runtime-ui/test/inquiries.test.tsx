import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Hit } from '../src/api/register';
import type { CaseView, Round } from '../src/cases/api';
import { I18nProvider } from '../src/i18n';

/** The inquiries of a case (issue #13): match list → round → answers read back with labels → "Välj". */
const send = vi.fn();
const decide = vi.fn();
let rounds: Round[] = [];

vi.mock('../src/cases/api', async (orig) => {
  const real = await orig<typeof import('../src/cases/api')>();
  return {
    ...real,
    inquiries: {
      ...real.inquiries,
      rounds: vi.fn(async () => rounds),
      send: (...a: unknown[]) => send(...a),
      decide: (...a: unknown[]) => decide(...a),
      deadline: vi.fn(),
    },
  };
});

const hit = (i: number) => ({
  rank: i, unitId: `u${i}`, unitName: `Enhet ${i}`, providerName: `Utförare ${i}`, locality: 'Umeå', places: 8,
  vacancies: 2, pricePerDay: 4200, priceModel: 'per-dygn', score: 90 - i, reasons: [], deviations: 0,
}) as unknown as Hit;
const search = vi.fn(async (_c: unknown) => ({ profile: 'standard', profileVersion: 1, date: '2026-12-02', total: 3, excluded: {}, results: [1, 2, 3].map(hit) }));
vi.mock('../src/api/register', async (orig) => ({
  ...(await orig<typeof import('../src/api/register')>()),
  matching: { search: (c: unknown) => search(c), compare: vi.fn(), export: vi.fn() },
}));

vi.mock('../src/api/client', async (orig) => {
  const real = await orig<typeof import('../src/api/client')>();
  return {
    ...real,
    responses: {
      ...real.responses,
      // The answer method's questions: headings and the labels of the alternatives.
      preview: vi.fn(async () => ({
        areas: [{ id: 'svar', questions: [
          { id: 'kanTaEmot', heading: 'Kan ni ta emot?', options: [{ value: 'ja', label: 'Ja, vi kan ta emot' }, { value: 'nej', label: 'Nej' }] },
          { id: 'dygnspris', heading: 'Dygnspris (kr)', answerType: 'number' },
          { id: 'transport', heading: 'Erbjuder ni transport?', options: [{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }] },
        ] }],
      })),
    },
  };
});

const { ApiProblem } = await import('../src/api/client');
const { InquiriesSection, inquiryState } = await import('../src/cases/Inquiries');

const theCase: CaseView = {
  id: 'c1', revision: 4, state: 'utkast', closed: false,
  facts: { targetGroup: 'barn-unga', placementForm: 'hvb-barn-unga', needs: ['npf'], startDate: '2027-01-15' },
  actions: [{ verb: 'skicka-forfragan', title: 'Skicka förfrågan', allowed: true }],
} as CaseView;

const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
const answered: Round = {
  id: 'r1', caseId: 'c1', status: 'open', deadline: future, sentBy: 'handlaggare', sentAt: new Date().toISOString(),
  responseMethod: { id: 'svar-barn-unga-hvb', version: 1 },
  inquiries: [
    { id: 'i1', unitId: 'u1', unitName: 'Enhet 1', providerName: 'Utförare 1', deadline: future, status: 'sent', roundOpen: true },
    { id: 'i2', unitId: 'u2', unitName: 'Enhet 2', providerName: 'Utförare 2', deadline: future, status: 'answered', roundOpen: true,
      responseMethod: { id: 'svar-barn-unga-hvb', version: 1 },
      answer: { answers: { kanTaEmot: 'ja', dygnspris: 3900, transport: 'nej' }, answerLabels: { kanTaEmot: 'Ja, vi kan ta emot' },
        attachments: ['a1'], available: true, pricePerDay: 3900, late: false, answeredAt: new Date().toISOString() } },
    { id: 'i3', unitId: 'u3', unitName: 'Enhet 3', providerName: 'Utförare 3', deadline: future, status: 'answered', roundOpen: true,
      answer: { answers: { kanTaEmot: 'ja' }, available: true, late: true, answeredAt: new Date().toISOString() } },
  ],
} as Round;

const page = (c: CaseView = theCase) =>
  render(
    <I18nProvider lang="sv">
      <InquiriesSection c={c} onCaseChanged={() => undefined} />
    </I18nProvider>,
  );

describe('Inquiries on the case page', () => {
  beforeEach(() => {
    rounds = [];
    send.mockReset();
    decide.mockReset();
  });

  it('sends one round to the units picked from the case match list, with the case revision', async () => {
    send.mockResolvedValue({});
    page();
    await screen.findByText('Inga förfrågningar har skickats i ärendet.');
    fireEvent.click(screen.getByRole('button', { name: 'Sök utförare för ärendet' }));
    await screen.findByText('Matchningslista: 3 verksamheter');
    expect(search).toHaveBeenCalledWith(expect.objectContaining({ targetGroup: 'barn-unga', placementForm: 'hvb-barn-unga', needs: ['npf'] }));
    for (const i of [1, 2, 3]) fireEvent.click(screen.getByLabelText(`Skicka förfrågan till Enhet ${i}`));
    fireEvent.change(screen.getByLabelText('Beskrivning av behovet *'), { target: { value: 'Tonåring.' } });
    fireEvent.change(screen.getByLabelText('Svara senast'), { target: { value: '2027-01-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skicka förfrågan till 3 verksamheter' }));
    await waitFor(() => expect(send).toHaveBeenCalled());
    const [caseId, body, key] = send.mock.calls[0] as [string, Record<string, unknown>, string];
    expect(caseId).toBe('c1');
    expect(body).toEqual({ unitIds: ['u1', 'u2', 'u3'], deadline: '2027-01-05T22:59:00.000Z', content: { beskrivning: 'Tonåring.' }, revision: 4 });
    expect(key).toBeTruthy();
  });

  it('shows a stale revision and field errors in Swedish, at the fields', async () => {
    send.mockRejectedValueOnce(new ApiProblem(400, 'INQUIRY_INVALID', 'bad', [
      { pointer: '/deadline', code: 'inquiry.deadline-past' }, { pointer: '/unitIds/0', code: 'inquiry.no-email' }]));
    send.mockRejectedValueOnce(new ApiProblem(409, 'CASE_CHANGED', 'stale'));
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Sök utförare för ärendet' }));
    await screen.findByText('Matchningslista: 3 verksamheter');
    fireEvent.click(screen.getByLabelText('Skicka förfrågan till Enhet 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Skicka förfrågan till 1 verksamheter' }));
    await screen.findByText('Sista svarsdag måste ligga framåt i tiden.');
    expect(screen.getByLabelText('Svara senast').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Utföraren saknar e-postadress för förfrågningar.').closest('p')?.id).toBe('pick-u2-error');
    expect(screen.getByLabelText('Skicka förfrågan till Enhet 2').getAttribute('aria-describedby')).toBe('pick-u2-error');
    fireEvent.click(screen.getByRole('button', { name: 'Skicka förfrågan till 1 verksamheter' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Någon annan har ändrat ärendet');
    expect(screen.getByRole('button', { name: 'Läs in ärendet på nytt' })).toBeTruthy();
  });

  it('reads answers back with labels, links their PDFs, and chooses one with a reason', async () => {
    rounds = [answered];
    decide.mockRejectedValueOnce(new ApiProblem(409, 'CASE_TRANSITION_NOT_ALLOWED', 'no', [], { allowed: [] }));
    decide.mockResolvedValueOnce({});
    page({ ...theCase, state: 'forfragan-skickad' } as CaseView);
    const list = await screen.findByLabelText('Svar från Enhet 2');
    await within(list).findByText('Kan ni ta emot?');
    expect(within(list).getByText('Ja, vi kan ta emot')).toBeTruthy();
    expect(within(list).getByText('3 900')).toBeTruthy();
    expect(within(list).queryByText('ja')).toBeNull();
    expect(screen.getByText('skickad')).toBeTruthy();
    expect(screen.getByText('besvarad')).toBeTruthy();
    expect(screen.getByText('besvarad sent')).toBeTruthy();
    const pdf = screen.getByRole('link', { name: 'Bilaga 1 från Enhet 2 (PDF)' });
    expect(pdf.getAttribute('href')).toBe('/api/cases/c1/inquiries/i2/attachments/a1');
    // No round can be sent while one is open.
    expect(screen.queryByRole('button', { name: 'Sök utförare för ärendet' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Välj Enhet 2' }));
    fireEvent.change(screen.getByLabelText('Motivering till valet *'), { target: { value: 'Bäst matchning.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta valet' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Åtgärden kan inte göras i ärendets nuvarande status.');
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta valet' }));
    await waitFor(() => expect(decide).toHaveBeenLastCalledWith('c1', 'i2', 'Bäst matchning.', 4));
  });

  it('names each inquiry state', () => {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(inquiryState({ status: 'sent', roundOpen: true, deadline: past })).toBe('overdue');
    expect(inquiryState({ status: 'sent', roundOpen: true, deadline: future })).toBe('sent');
    expect(inquiryState({ status: 'not-chosen', roundOpen: false })).toBe('not-chosen');
    expect(inquiryState({ status: 'answered', roundOpen: true, answer: { late: true } })).toBe('late');
    expect(inquiryState({ status: 'sent', roundOpen: false })).toBe('unanswered-closed');
  });
});
