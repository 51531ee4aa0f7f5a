import './common/admin-pages.css';
import type { ReactElement } from 'react';
import type { User } from '@rt/api/client';
import { match } from '@rt/app/router';
import type { Translate } from '@rt/i18n';
import { canAdministerUsers, RequireAdmin } from './access';
import { AuditLogPage } from './audit/AuditLogPage';
import { UsagePage } from './audit/UsagePage';
import { UserPage } from './users/UserPage';
import { UsersPage } from './users/UsersPage';

/** The pages of user administration, usage and audit: title and page for a path, or null when not one of them. */
export function adminRoute(p: string, t: Translate): { title: string; page: ReactElement } | null {
  let m: Record<string, string> | null;
  const gated = (title: string, page: ReactElement) => ({ title, page: <RequireAdmin>{page}</RequireAdmin> });
  if (p === '/anvandare') return gated(t('users.title'), <UsersPage />);
  if (p === '/anvandare/ny') return gated(t('users.newTitle'), <UserPage key="new" />);
  if ((m = match('/anvandare/:id', p))) return gated(t('users.title'), <UserPage key={m.id} id={m.id} />);
  if (p === '/anvandning') return gated(t('usage.title'), <UsagePage />);
  if (p === '/logg') return gated(t('audit.title'), <AuditLogPage />);
  return null;
}

/** Their navigation entries, for administrators only. */
export function adminNav(p: string, t: Translate, user: User) {
  if (!canAdministerUsers(user)) return [];
  return [
    { to: '/anvandare', label: t('users.title'), current: p.startsWith('/anvandare') },
    { to: '/anvandning', label: t('usage.title'), current: p === '/anvandning' },
    { to: '/logg', label: t('audit.title'), current: p === '/logg' },
  ];
}
