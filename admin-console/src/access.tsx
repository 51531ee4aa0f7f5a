import type { ReactNode } from 'react';
import type { User } from '@rt/api/client';
import { useUser } from '@rt/app/auth';
import { useT } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';

const ORDER = ['READ', 'WRITE', 'ADMIN'];

type WithPermissions = Pick<User, 'permissions'> | null | undefined;

/**
 * Whether the signed-in user has at least {@code level} in {@code module} (US-4), from `/api/auth/me`. Only
 * decides what the console shows: the server checks every call itself.
 */
export function hasLevel(user: WithPermissions, module: string, level: 'READ' | 'WRITE' | 'ADMIN'): boolean {
  const granted = user?.permissions?.[module];
  return !!granted && ORDER.indexOf(granted) >= ORDER.indexOf(level);
}

/** Users, the usage report and the audit log: ADMIN in the administration console (as the server requires). */
export const canAdministerUsers = (user: WithPermissions) => hasLevel(user, 'ADMIN_CONSOLE', 'ADMIN');

/**
 * What the console offers a user, following the server's rules (SecurityConfiguration, providers' Permissions):
 * changing metadata (methods, codelists, bundles, presets) needs ADMIN in the administration console; reading it
 * any level there; the register needs READ in the register (or in placement) to read, WRITE to change.
 */
export interface ConsoleAccess {
  /** The metadata list, the catalogue and version histories (read-only). */
  metadata: boolean;
  /** The designer, codelist editor, bundle, presets; publishing and retiring versions. */
  design: boolean;
  register: boolean;
  registerWrite: boolean;
  users: boolean;
  /** Nothing at all: the console shows what the user can do instead, and whom to ask. */
  nothing: boolean;
}

export function consoleAccess(user: WithPermissions): ConsoleAccess {
  const metadata = hasLevel(user, 'ADMIN_CONSOLE', 'READ');
  const register = hasLevel(user, 'REGISTER', 'READ') || hasLevel(user, 'PLACEMENT', 'READ');
  return {
    metadata,
    design: hasLevel(user, 'ADMIN_CONSOLE', 'ADMIN'),
    register,
    registerWrite: hasLevel(user, 'REGISTER', 'WRITE'),
    users: canAdministerUsers(user),
    nothing: !metadata && !register,
  };
}

/** The signed-in user's {@link ConsoleAccess}. */
export function useAccess(): ConsoleAccess {
  return consoleAccess(useUser().user);
}

/** The children when allowed; else a heading and what permission the page needs (never a page that fails). */
export function Gate({ allowed, need, children }: { allowed: boolean; need: MessageKey; children: ReactNode }) {
  const t = useT();
  if (allowed) return <>{children}</>;
  return (
    <>
      <h1>{t('console.noAccessTitle')}</h1>
      <p role="alert">{t(need)}</p>
    </>
  );
}

/** The children for administrators; a short explanation for everyone else. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const t = useT();
  const { user } = useUser();
  if (canAdministerUsers(user)) return <>{children}</>;
  return (
    <>
      <h1>{t('users.noAccessTitle')}</h1>
      <p role="alert">{t('users.noAccess')}</p>
    </>
  );
}

/** For a user the console has nothing for: what they can do instead, and whom to ask. */
export function NothingToDo() {
  const t = useT();
  return (
    <>
      <h1>{t('console.nothingTitle')}</h1>
      <p>{t('console.nothing')}</p>
      <p>
        {t('console.nothingCan')} <a href="/app/">{t('console.toApp')}</a>
      </p>
      <p>{t('console.nothingAsk')}</p>
    </>
  );
}
