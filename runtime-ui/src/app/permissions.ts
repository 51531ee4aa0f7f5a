import type { User } from '../api/client';

/** Access levels per module, lowest first (the server's AccessLevel). */
const LEVELS = ['NONE', 'READ', 'WRITE', 'ADMIN'];

/** Whether the user holds at least `level` in `module` (PLACEMENT, FOLLOW_UP, REGISTER, …). */
export function can(user: User, module: string, level: 'READ' | 'WRITE' | 'ADMIN'): boolean {
  return LEVELS.indexOf(user.permissions?.[module] ?? 'NONE') >= LEVELS.indexOf(level);
}

/**
 * What the runtime UI lets the user do, mirroring the server's rules (SecurityConfiguration, providers'
 * Permissions): answering methods needs WRITE in follow-up or on one method; matching needs READ in the register
 * or in placements. The server refuses anything else; the UI does not offer it.
 */
export interface Abilities {
  answer: boolean;
  match: boolean;
  /** Placement cases ("Mina ärenden", "Mina beslut"): PLACEMENT READ. */
  cases: boolean;
}

export function abilities(user: User): Abilities {
  // The interim HTTP Basic login (dev only) knows no permissions: offer everything, the server decides.
  if (!user.permissions) return { answer: true, match: true, cases: true };
  const methodWrite = Object.values(user.methodPermissions ?? {}).some((l) => LEVELS.indexOf(l) >= LEVELS.indexOf('WRITE'));
  return {
    answer: can(user, 'FOLLOW_UP', 'WRITE') || methodWrite,
    match: can(user, 'REGISTER', 'READ') || can(user, 'PLACEMENT', 'READ'),
    cases: can(user, 'PLACEMENT', 'READ'),
  };
}
