import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useUser } from './auth';
import { Link } from './router';

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
}

/** Page frame: skip link, header with navigation, user and language, and the main landmark. */
export function Shell({ brand, nav, title, children }: { brand: string; nav: NavItem[]; title: string; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { user, logout } = useUser();
  useEffect(() => {
    document.title = `${title} – ${brand}`;
  }, [title, brand]);
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="brand">{brand}</span>
        <nav aria-label={t('app.mainNav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={n.current ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <span>{t('app.signedInAs', { name })}</span>
          <button type="button" className="link-button" lang={lang === 'sv' ? 'en' : 'sv'} onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}>
            {t('app.language')}
          </button>
          <button type="button" className="link-button" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const status = (error as { status?: number }).status;
  const detail = status === 403 ? t('app.forbidden') : error instanceof Error ? error.message : String(error);
  return (
    <p className="error-message" role="alert">
      {t('app.error', { detail })}
    </p>
  );
}
