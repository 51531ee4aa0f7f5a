import { describe, expect, it } from 'vitest';
import type { Municipality, UserView } from '../src/api/admin';
import { canAdministerUsers, hasLevel } from '../src/access';
import {
  administrationName,
  emptyForm,
  filterUsers,
  loginMethod,
  teamGroups,
  toForm,
  toggleAdministration,
  toRequest,
  userFieldId,
  userStatus,
} from '../src/users/model';

const now = new Date('2026-11-25T12:00:00Z');

function user(patch: Partial<UserView>): UserView {
  return { id: 'u1', username: 'anna', firstName: 'Anna', lastName: 'Ek', email: 'anna@kommun.se', administrations: ['sof'], active: true, activated: true, ...patch };
}

const org: Municipality[] = [
  {
    id: 'k',
    name: 'Kommunen',
    administrations: [
      { id: 'sof', name: 'Socialförvaltningen', departments: [{ name: 'IFO', teams: ['Barn', 'Vuxen'] }, { name: 'Stab', teams: [] }] },
      { id: 'vof', name: 'Vård- och omsorgsförvaltningen', departments: [{ name: 'Funktionsstöd', teams: ['LSS'] }] },
    ],
  },
];

describe('user status and login method', () => {
  it('is deactivated before locked, locked only while the lock lasts', () => {
    expect(userStatus(user({}), now)).toBe('active');
    expect(userStatus(user({ lockedUntil: '2026-11-25T12:10:00Z' }), now)).toBe('locked');
    expect(userStatus(user({ lockedUntil: '2026-11-25T11:50:00Z' }), now)).toBe('active');
    expect(userStatus(user({ active: false, lockedUntil: '2026-11-25T12:10:00Z' }), now)).toBe('deactivated');
  });

  it('shows Keycloak, password or invited', () => {
    expect(loginMethod(user({ keycloakId: 'abc', activated: false }))).toBe('keycloak');
    expect(loginMethod(user({ activated: true }))).toBe('password');
    expect(loginMethod(user({ activated: false }))).toBe('invited');
  });
});

describe('the user list filter', () => {
  const list = [
    user({ id: '1', username: 'anna', firstName: 'Anna', lastName: 'Ek', jobRole: 'Socialsekreterare' }),
    user({ id: '2', username: 'bo', firstName: 'Bo', lastName: 'Åkesson', active: false }),
    user({ id: '3', username: 'cia', firstName: 'Cia', lastName: 'Ek', lockedUntil: '2026-11-25T13:00:00Z' }),
  ];
  it('matches every word in any field, case-insensitively', () => {
    expect(filterUsers(list, 'ek', '', now).map((u) => u.id)).toEqual(['1', '3']);
    expect(filterUsers(list, 'SOCIAL anna', '', now).map((u) => u.id)).toEqual(['1']);
    expect(filterUsers(list, 'åkesson', '', now).map((u) => u.id)).toEqual(['2']);
  });
  it('filters by status', () => {
    expect(filterUsers(list, '', 'deactivated', now).map((u) => u.id)).toEqual(['2']);
    expect(filterUsers(list, '', 'locked', now).map((u) => u.id)).toEqual(['3']);
    expect(filterUsers(list, 'ek', 'active', now).map((u) => u.id)).toEqual(['1']);
  });
});

describe('the user form', () => {
  it('sends only granted modules and filled method rows; the user name only when creating', () => {
    const f = { ...emptyForm(), username: ' ny.person ', firstName: 'Ny', lastName: 'Person', email: 'ny@kommun.se', administrations: ['sof'] };
    f.permissions = { ...f.permissions, FOLLOW_UP: 'WRITE', REPORTS: 'READ' };
    f.methodRights = [
      { methodId: 'vuxna', level: 'READ' },
      { methodId: '', level: 'WRITE' },
    ];
    const created = toRequest(f, true);
    expect(created.username).toBe('ny.person');
    expect(created.permissions).toEqual({ FOLLOW_UP: 'WRITE', REPORTS: 'READ' });
    expect(created.methodPermissions).toEqual({ vuxna: 'READ' });
    expect(created.phone).toBeUndefined();
    expect(created.revision).toBeUndefined();
    const updated = toRequest({ ...f, revision: 4 }, false);
    expect(updated.username).toBeUndefined();
    expect(updated.revision).toBe(4);
    expect(updated.keycloakId).toBe('');
  });

  it('reads an account back into the form, keeping the revision', () => {
    const f = toForm(user({ permissions: { PLACEMENT: 'ADMIN', NOPE: 'READ' }, methodPermissions: { m1: 'WRITE' }, team: 'Barn', revision: 7 }));
    expect(f.permissions.PLACEMENT).toBe('ADMIN');
    expect(f.permissions.ECONOMY).toBe('NONE');
    expect(f.methodRights).toEqual([{ methodId: 'm1', level: 'WRITE' }]);
    expect(f.team).toBe('Barn');
    expect(f.revision).toBe(7);
  });

  it('keeps the first chosen administration first', () => {
    expect(toggleAdministration(['sof'], 'vof', true)).toEqual(['sof', 'vof']);
    expect(toggleAdministration(['sof', 'vof'], 'sof', false)).toEqual(['vof']);
    expect(toggleAdministration(['sof'], 'sof', true)).toEqual(['sof']);
  });

  it('offers the teams of the chosen administrations and names administrations', () => {
    expect(teamGroups(org, ['vof'])).toEqual([{ administration: 'Vård- och omsorgsförvaltningen', department: 'Funktionsstöd', teams: ['LSS'] }]);
    expect(teamGroups(org, ['sof']).map((g) => g.department)).toEqual(['IFO']);
    expect(administrationName(org, 'sof')).toBe('Socialförvaltningen');
    expect(administrationName(org, 'x')).toBe('x');
  });

  it('maps problem pointers to the fields', () => {
    expect(userFieldId('/email')).toBe('user-email');
    expect(userFieldId('/permissions/FOLLOW_UP')).toBe('user-permissions-FOLLOW_UP');
    expect(userFieldId('/administrations/1')).toBe('user-administrations');
    expect(userFieldId('/methodPermissions/vuxna', [{ methodId: 'annan', level: 'READ' }, { methodId: 'vuxna', level: 'READ' }])).toBe('user-method-1-level');
    expect(userFieldId('/methodPermissions/okand', [])).toBe('user-methods');
    expect(userFieldId(undefined)).toBe('user-form');
  });
});

describe('who sees the pages', () => {
  it('needs ADMIN in the administration console', () => {
    expect(canAdministerUsers({ permissions: { ADMIN_CONSOLE: 'ADMIN' } })).toBe(true);
    expect(canAdministerUsers({ permissions: { ADMIN_CONSOLE: 'WRITE', PLACEMENT: 'ADMIN' } })).toBe(false);
    expect(canAdministerUsers({ permissions: {} })).toBe(false);
    expect(canAdministerUsers(null)).toBe(false);
    expect(hasLevel({ permissions: { REPORTS: 'WRITE' } }, 'REPORTS', 'READ')).toBe(true);
    expect(hasLevel({ permissions: { REPORTS: 'READ' } }, 'REPORTS', 'WRITE')).toBe(false);
  });
});
