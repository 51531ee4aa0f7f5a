import type { ReactNode } from 'react';
import type { User } from '@rt/api/client';
import { useUser } from '@rt/app/auth';
import { useT } from '@rt/i18n';

const ORDER = ['READ', 'WRITE', 'ADMIN'];

/**
 * Whether the signed-in user has at least {@code level} in {@code module} (US-4), from `/api/auth/me`. Only
 * decides what the console shows: the server checks every call itself.
 */
export function hasLevel(user: Pick<User, 'permissions'> | null | undefined, module: string, level: 'READ' | 'WRITE' | 'ADMIN'): boolean {
  const granted = user?.permissions?.[module];
  return !!granted && ORDER.indexOf(granted) >= ORDER.indexOf(level);
}

/** Users, the usage report and the audit log: ADMIN in the administration console (as the server requires). */
export const canAdministerUsers = (user: Pick<User, 'permissions'> | null | undefined) => hasLevel(user, 'ADMIN_CONSOLE', 'ADMIN');

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
