/**
 * The user pages' logic without React: status and login method of an account, the list filter, the form's
 * state to and from the API's shapes, teams and names from the organisation. Validation stays on the server.
 */
import { pointerFieldId } from '../common/problems';
import { MODULES, type Level, type Module, type Municipality, type UserRequest, type UserView } from '../api/admin';

export type UserStatus = 'active' | 'deactivated' | 'locked';
export type LoginMethodShown = 'keycloak' | 'password' | 'invited';
export type LevelChoice = Level | 'NONE';

/** Deactivated wins over locked: a deactivated account cannot sign in at all. */
export function userStatus(u: Pick<UserView, 'active' | 'lockedUntil'>, now: Date = new Date()): UserStatus {
  if (!u.active) return 'deactivated';
  if (u.lockedUntil && new Date(u.lockedUntil).getTime() > now.getTime()) return 'locked';
  return 'active';
}

/** Keycloak when linked; a password once the invitation is used; otherwise still invited. */
export function loginMethod(u: Pick<UserView, 'keycloakId' | 'activated'>): LoginMethodShown {
  if (u.keycloakId) return 'keycloak';
  return u.activated ? 'password' : 'invited';
}

export function fullName(u: Pick<UserView, 'firstName' | 'lastName' | 'username'>): string {
  return [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username;
}

/** Text (name, user name, e-mail, job role, team; any order of words) and status. */
export function filterUsers(list: UserView[], text: string, status: UserStatus | '', now: Date = new Date()): UserView[] {
  const words = text.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  return list.filter((u) => {
    if (status && userStatus(u, now) !== status) return false;
    const hay = [u.firstName, u.lastName, u.username, u.email, u.jobRole, u.team].filter(Boolean).join(' ').toLocaleLowerCase('sv');
    return words.every((w) => hay.includes(w));
  });
}

export interface MethodRight {
  methodId: string;
  level: Level;
}

/** What the user form edits. */
export interface UserForm {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobRole: string;
  administrations: string[];
  team: string;
  keycloakId: string;
  permissions: Record<Module, LevelChoice>;
  methodRights: MethodRight[];
  revision?: number | null;
}

export function emptyForm(): UserForm {
  return {
    username: '',
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    jobRole: '',
    administrations: [],
    team: '',
    keycloakId: '',
    permissions: Object.fromEntries(MODULES.map((m) => [m, 'NONE'])) as Record<Module, LevelChoice>,
    methodRights: [],
  };
}

export function toForm(u: UserView): UserForm {
  const form = emptyForm();
  for (const m of MODULES) {
    const level = u.permissions?.[m];
    if (level === 'READ' || level === 'WRITE' || level === 'ADMIN') form.permissions[m] = level;
  }
  return {
    ...form,
    username: u.username,
    firstName: u.firstName ?? '',
    lastName: u.lastName ?? '',
    email: u.email ?? '',
    phone: u.phone ?? '',
    jobRole: u.jobRole ?? '',
    administrations: [...(u.administrations ?? [])],
    team: u.team ?? '',
    keycloakId: u.keycloakId ?? '',
    methodRights: Object.entries(u.methodPermissions ?? {}).map(([methodId, level]) => ({ methodId, level: level as Level })),
    revision: u.revision,
  };
}

/** The request body: NONE and empty method rows are left out; the user name only when creating. */
export function toRequest(f: UserForm, creating: boolean): UserRequest {
  const permissions: Record<string, string> = {};
  for (const m of MODULES) if (f.permissions[m] !== 'NONE') permissions[m] = f.permissions[m];
  const methodPermissions: Record<string, string> = {};
  for (const r of f.methodRights) if (r.methodId.trim()) methodPermissions[r.methodId.trim()] = r.level;
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    username: creating ? f.username.trim() : undefined,
    firstName: f.firstName,
    lastName: f.lastName,
    email: f.email,
    phone: optional(f.phone),
    jobRole: optional(f.jobRole),
    administrations: f.administrations,
    team: optional(f.team),
    permissions,
    methodPermissions,
    // An empty text unlinks on update; on create there is nothing to unlink.
    keycloakId: creating ? optional(f.keycloakId) : f.keycloakId.trim(),
    revision: creating ? undefined : f.revision,
  };
}

/** Toggles an administration; the first one chosen is the home administration. */
export function toggleAdministration(current: string[], id: string, on: boolean): string[] {
  if (on) return current.includes(id) ? current : [...current, id];
  return current.filter((a) => a !== id);
}

export interface TeamGroup {
  administration: string;
  department: string;
  teams: string[];
}

/** The teams of the chosen administrations, grouped by department. */
export function teamGroups(org: Municipality[], administrations: string[]): TeamGroup[] {
  const out: TeamGroup[] = [];
  for (const m of org) {
    for (const a of m.administrations ?? []) {
      if (!administrations.includes(a.id)) continue;
      for (const d of a.departments ?? []) {
        if (d.teams?.length) out.push({ administration: a.name, department: d.name, teams: d.teams });
      }
    }
  }
  return out;
}

/** An administration's name ("Socialförvaltningen"), or its id when unknown. */
export function administrationName(org: Municipality[], id: string): string {
  for (const m of org) for (const a of m.administrations ?? []) if (a.id === id) return a.name;
  return id;
}

/**
 * The form's field for a problem pointer. Errors about one administration (`/administrations/1`) belong to the
 * group, whose first checkbox has the id `user-administrations`; a method right's error goes to its row.
 */
export function userFieldId(pointer: string | undefined | null, methodRights: MethodRight[] = []): string {
  const parts = (pointer ?? '').split('/').filter(Boolean);
  if (parts[0] === 'administrations') return 'user-administrations';
  if (parts[0] === 'methodPermissions' && parts.length > 1) {
    const methodId = parts.slice(1).join('/').replace(/~1/g, '/').replace(/~0/g, '~');
    const i = methodRights.findIndex((r) => r.methodId.trim() === methodId);
    return i >= 0 ? `user-method-${i}-level` : 'user-methods';
  }
  return pointerFieldId('user', pointer, 'user-form');
}
