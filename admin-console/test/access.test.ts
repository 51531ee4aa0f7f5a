import { describe, expect, it } from 'vitest';
import { consoleAccess } from '../src/access';
import { fittingAgreements } from '../src/register/UnitForm';

describe('consoleAccess', () => {
  it('follows the server: designing needs ADMIN in the console, changing the register WRITE', () => {
    const caseworker = consoleAccess({ permissions: { ADMIN_CONSOLE: 'READ', REGISTER: 'READ', PLACEMENT: 'WRITE' } });
    expect(caseworker).toMatchObject({ metadata: true, design: false, register: true, registerWrite: false, nothing: false });
    const reader = consoleAccess({ permissions: { PLACEMENT: 'READ', REGISTER: 'READ' } });
    expect(reader).toMatchObject({ metadata: false, design: false, register: true, registerWrite: false, nothing: false });
    expect(consoleAccess({ permissions: { ADMIN_CONSOLE: 'ADMIN', REGISTER: 'WRITE' } })).toMatchObject({ design: true, registerWrite: true, users: true });
    expect(consoleAccess({ permissions: { FOLLOW_UP: 'WRITE' } }).nothing).toBe(true);
    expect(consoleAccess(null).nothing).toBe(true);
  });
});

describe('fittingAgreements', () => {
  const agreements = [
    { id: 'hvb', name: 'HVB', placementForms: ['hvb-barn-unga'] },
    { id: 'fh', name: 'Familjehem', placementForms: ['familjehem'] },
    { id: 'alla', name: 'Alla', placementForms: [] },
  ];
  it('offers the agreements covering one of the unit’s placement forms, and keeps the chosen one', () => {
    expect(fittingAgreements(agreements, ['hvb-barn-unga']).map((a) => a.id)).toEqual(['hvb', 'alla']);
    expect(fittingAgreements(agreements, ['hvb-barn-unga'], 'fh').map((a) => a.id)).toEqual(['hvb', 'fh', 'alla']);
    expect(fittingAgreements(agreements, ['hvb-barn-unga'], 'gone').map((a) => a.id)).toEqual(['hvb', 'alla', 'gone']);
    expect(fittingAgreements(agreements, []).map((a) => a.id)).toEqual(['hvb', 'fh', 'alla']);
  });
});
