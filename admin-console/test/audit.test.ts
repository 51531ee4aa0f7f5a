import { describe, expect, it } from 'vitest';
import { translate } from '@rt/i18n';
import { queryString, type UsageReport } from '../src/api/admin';
import { actionLabel, currentMonth, detailLines, loginMethods, methodRows, pageCount, periodProblem, verificationText } from '../src/audit/model';

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('sv', k, p);

describe('the usage report', () => {
  it('defaults to the current month', () => {
    expect(currentMonth(new Date(2026, 10, 25))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(currentMonth(new Date(2028, 1, 3))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(currentMonth(new Date(2026, 11, 31))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('checks the period before asking', () => {
    expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodProblem('2026-11-01', '2026-11-01')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('order');
    expect(periodProblem('', '2026-11-01')).toBe('missing');
  });

  it('makes a column per login method and a row per user and method', () => {
    const report: UsageReport = {
      users: [
        { username: 'anna', logins: { local: 2 }, loginsTotal: 2, responsesSubmitted: { m2: 1 }, answersSaved: { m1: 3, m2: 5 } },
        { username: 'bo', logins: { keycloak: 1, local: 1 }, loginsTotal: 2, responsesSubmitted: {}, answersSaved: {} },
      ],
    };
    expect(loginMethods(report)).toEqual(['keycloak', 'local']);
    expect(methodRows(report)).toEqual([
      { username: 'anna', methodId: 'm1', submitted: 0, saved: 3 },
      { username: 'anna', methodId: 'm2', submitted: 1, saved: 5 },
    ]);
  });
});

describe('the audit log', () => {
  it('counts pages from the total', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });

  it('names known event types and keeps the code', () => {
    expect(actionLabel(t, 'user.create')).toBe('Användare skapad (user.create)');
    expect(actionLabel(t, 'something.new')).toBe('something.new');
    // Item 11 of issue 12: every event the server writes has a Swedish name.
    expect(actionLabel(t, 'unit.create')).toBe('Verksamhet skapad (unit.create)');
    expect(actionLabel(t, 'response.list')).toBe('Svarslista visad (response.list)');
    expect(actionLabel(t, 'case.avsluta')).toBe('Ärende: avsluta (case.avsluta)');
  });

  it('shows the changed fields instead of JSON', () => {
    const lines = detailLines(t, {
      changes: [
        { field: 'vacancies', before: 1, after: 3 },
        { field: 'active', before: true, after: false },
        { field: 'targetGroups', before: null, after: ['barn-unga', 'unga-vuxna'] },
        { field: 'contact', before: { name: 'Eva', email: null }, after: null },
        { field: 'nyttFalt', before: 'a', after: 'b' },
        { field: 'vacanciesUpdatedAt', before: '2026-12-02T11:22:59.156236799Z', after: '2026-06-01T08:00:00Z' },
      ],
      methodId: 'vuxna-missbruk',
    });
    expect(lines).toEqual([
      { label: 'Lediga platser', before: '1', after: '3' },
      { label: 'Aktiv', before: 'Ja', after: 'Nej' },
      { label: 'Målgrupper', before: null, after: 'barn-unga, unga-vuxna' },
      { label: 'Kontaktperson', before: 'Namn: Eva', after: null },
      { label: 'nyttFalt', before: 'a', after: 'b' },
      { label: 'Lediga platser uppdaterade', before: '2026-12-02 12:22', after: '2026-06-01 10:00' },
      { label: 'Metod', value: 'vuxna-missbruk' },
    ]);
    expect(lines.flatMap((l) => [l.before, l.after, l.value]).join(' ')).not.toMatch(/[{}=]/);
    expect(detailLines(t, undefined)).toEqual([]);
  });

  it('says what the verification found', () => {
    expect(verificationText(t, { valid: true, entriesChecked: 1234 }, 'sv')).toBe('Loggen är oförändrad: 1\u00a0234 händelser kontrollerade.');
    expect(verificationText(t, { valid: false, entriesChecked: 10, firstBrokenSeq: 7, reason: 'entry was changed' }, 'sv')).toBe(
      'Loggen har ändrats: första felet vid händelse nr 7 (händelsen har ändrats). 10 händelser kontrollerade.',
    );
    expect(verificationText(t, { valid: false, entriesChecked: 10, firstBrokenSeq: 3, reason: 'odd' }, 'sv')).toContain('(odd)');
  });

  it('leaves empty criteria out of the query', () => {
    expect(queryString({ actor: 'admin', action: '', subjectId: undefined, page: 0, size: 25 })).toBe('?actor=admin&page=0&size=25');
    expect(queryString({ action: 'user.*' })).toBe('?action=user.*');
    expect(queryString({})).toBe('');
  });
});
