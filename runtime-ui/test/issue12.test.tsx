import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, auth, type QuestionState, type User } from '../src/api/client';
import type { Hit } from '../src/api/register';
import { LoginPage } from '../src/app/LoginPage';
import { abilities } from '../src/app/permissions';
import { fieldProblems, problemText } from '../src/app/problems';
import { QuestionField, charCounter } from '../src/form/QuestionField';
import { I18nProvider, translate, type Translate } from '../src/i18n';
import { en } from '../src/i18n/en';
import { sv } from '../src/i18n/sv';
import { placementFormsFor } from '../src/matching/codelists';
import { reasonText } from '../src/matching/reasons';
import { dialogAnsweredText } from '../src/pages/DialogPage';
import { agesText, formatDay, gendersText, placesText } from '../src/pages/MatchingPage';

const t: Translate = (k, p) => translate('sv', k, p);

/** Issue #12, the runtime UI's part of items 7, 9, 11, 13 and 14 that is front-end logic only. */
describe('issue #12', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('keeps the English bundle in step with the Swedish one', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('words server problems by their code in Swedish, never the English detail (items 7, 11)', () => {
    const missing = new ApiProblem(404, 'FORM_RESPONSE_NOT_FOUND', "There is no response 'x'.");
    expect(problemText(missing, t)).toBe('Svaret finns inte, eller så har du inte tillgång till det.');
    expect(problemText(new ApiProblem(500, 'SOMETHING_NEW', 'Boom'), t)).toBe('Ett fel uppstod på servern. Försök igen om en stund.');
    expect(problemText(new ApiProblem(403, 'FORBIDDEN', 'Access denied'), t)).toBe('Du saknar behörighet för det här.');
    expect(problemText(new TypeError('Failed to fetch'), t)).toContain('Servern gick inte att nå');
  });

  it('puts field problems at their fields by pointer, with the nearest locality (item 7)', () => {
    const p = new ApiProblem(400, 'MATCHING_INVALID_CRITERIA', 'The locality is not known.',
      [{ pointer: '/locality', code: 'unknown-locality', detail: "'Upsala' is neither …" }, { pointer: '/needs/0', code: 'not-in-codelist', detail: 'x' }],
      { suggestion: 'Uppsala' });
    expect(fieldProblems(p, t)).toEqual({
      locality: 'Orten finns inte i kodlistan över orter eller i registret. Menade du Uppsala?',
      needs: 'Värdet finns inte bland alternativen.',
    });
  });

  it('says how long to wait after too many failed logins (item 9, 429 LOGIN_THROTTLED)', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) =>
      url === '/api/auth/login'
        ? new Response(JSON.stringify({ code: 'LOGIN_THROTTLED', detail: 'Too many failed logins: try again in 300 seconds.' }),
            { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '300' } })
        : new Response('{}', { status: 200 })));
    const error = await auth.login('handlaggare', 'fel').catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(problemText(error, t)).toBe('För många misslyckade inloggningar. Försök igen om 5 minuter.');

    render(<I18nProvider lang="sv"><LoginPage title="Placera" onLogin={() => undefined} /></I18nProvider>);
    fireEvent.change(screen.getByLabelText('Användarnamn'), { target: { value: 'handlaggare' } });
    fireEvent.change(screen.getByLabelText('Lösenord'), { target: { value: 'fel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    await waitFor(() => expect(document.body.textContent).toContain('Försök igen om 5 minuter.'));
  });

  it('derives what a role may do from its permissions (item 9)', () => {
    const reader: User = { username: 'lasare', permissions: { PLACEMENT: 'READ', FOLLOW_UP: 'READ', REGISTER: 'READ' } };
    const caseworker: User = { username: 'h', permissions: { FOLLOW_UP: 'WRITE', REGISTER: 'READ' } };
    const nobody: User = { username: 'n', permissions: {} };
    const oneMethod: User = { username: 'm', permissions: {}, methodPermissions: { 'barn-kartlaggning': 'WRITE' } };
    expect(abilities(reader)).toEqual({ answer: false, match: true, cases: true });
    expect(abilities(caseworker)).toEqual({ answer: true, match: true, cases: false });
    expect(abilities(nobody)).toEqual({ answer: false, match: false, cases: false });
    expect(abilities(oneMethod).answer).toBe(true);
  });

  it('shows gender, ages and vacancies in words, "1 ledig" in the singular (items 6, 14)', () => {
    const lists = { kon: [{ value: 'flicka-kvinna', label: 'Flicka/kvinna' }] };
    const h = { genders: ['flicka-kvinna'], minAge: 13, maxAge: 17, places: 6, vacancies: 1 } as Hit;
    expect(gendersText(t, h, lists, 'sv')).toBe('Flicka/kvinna');
    expect(gendersText(t, { ...h, genders: [] }, lists, 'sv')).toBe('Alla');
    expect(agesText(t, h)).toBe('13–17 år');
    expect(placesText(t, h)).toBe('6 platser, 1 ledig');
    expect(placesText(t, { ...h, vacancies: 0 })).toBe('6 platser, inga lediga');
    expect(placesText(t, { ...h, vacancies: 3 })).toBe('6 platser, 3 lediga');
    expect(formatDay('2027-12-31', 'sv')).toBe('31 dec. 2027');
  });

  it('words the vacancy reason and an untested price ceiling (item 6)', () => {
    const none = reasonText({ factor: 'vacancy', weight: 0.1, score: 0, points: 0, text: 'Inga lediga platser', code: 'vacancy.none', params: { vacancies: 0 } }, t, 'sv', {});
    expect(none.text).toBe('Inga lediga platser');
    const one = reasonText({ factor: 'vacancy', weight: 0.1, score: 1, points: 9, text: '', code: 'vacancy.available', params: { vacancies: 1 } }, t, 'sv', {});
    expect(one.text).toBe('1 ledig plats');
    const price = reasonText({ factor: 'price', weight: 0.2, score: 0.5, points: 9, text: '', code: 'price.individual', params: { maxPriceNotApplied: 100, min: 0, max: 0 } }, t, 'sv', {});
    expect(price.text).toBe('Individuellt pris (avtalas per placering); högsta pris 100 kr kunde inte prövas');
  });

  it('narrows the placement forms to the chosen target group (item 14)', () => {
    const lists = {
      placeringsformer: [
        { value: 'hvb-barn-unga', label: 'HVB barn', attributes: { targetGroups: ['barn-unga'] } },
        { value: 'hvb-vuxna', label: 'HVB vuxna', attributes: { targetGroups: ['vuxna-missbruk'] } },
        { value: 'annan', label: 'Annan' },
      ],
    };
    expect(placementFormsFor(lists, 'barn-unga').map((f) => f.value)).toEqual(['hvb-barn-unga', 'annan']);
    expect(placementFormsFor(lists, '').length).toBe(3);
  });

  it('says nothing is answered yet rather than "Alla frågor är besvarade" (item 14)', () => {
    expect(dialogAnsweredText(5, 5, t)).toBe(sv['dialog.noneAnswered']);
    expect(dialogAnsweredText(1, 5, t)).toBe(sv['dialog.unansweredOne']);
    expect(dialogAnsweredText(0, 5, t)).toBe(sv['dialog.done']);
  });

  it('counts characters near a text limit and warns before leaving typed text (item 14)', async () => {
    expect(charCounter(10, 100)).toBeNull();
    expect(charCounter(80, 100)).toEqual({ length: 80, max: 100, near: false });
    expect(charCounter(99, 100)?.near).toBe(true);
    const q: QuestionState = { id: 'kommentar', text: 'Kommentar', kind: 'background', answerType: 'text', required: false, maxLength: 10 };
    const onChange = vi.fn();
    render(<I18nProvider lang="sv"><QuestionField q={q} value={undefined} onChange={onChange} /></I18nProvider>);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Kommentar/ }), 'Åtta tec');
    expect(screen.getByText('8 av 10 tecken')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Kommentar/ }).getAttribute('aria-describedby')).toBe('q-kommentar-count');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    await user.tab();
    expect(onChange).toHaveBeenCalledWith('Åtta tec');
  });

  it('shows an unanswered percent scale without a value (item 13)', () => {
    const q: QuestionState = { id: 'andel', text: 'Andel', kind: 'rating', scale: 'percent', required: false };
    const { container, rerender } = render(<I18nProvider lang="sv"><QuestionField q={q} value={undefined} onChange={() => undefined} /></I18nProvider>);
    expect(container.querySelector('.percent')?.classList.contains('unanswered')).toBe(true);
    expect((screen.getByRole('spinbutton', { name: 'Procent' }) as HTMLInputElement).value).toBe('');
    rerender(<I18nProvider lang="sv"><QuestionField q={q} value={40} onChange={() => undefined} /></I18nProvider>);
    expect(container.querySelector('.percent')?.classList.contains('unanswered')).toBe(false);
  });
});
