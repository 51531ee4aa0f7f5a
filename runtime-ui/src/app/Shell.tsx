import { useEffect, type ReactNode } from 'react';
import { ApiProblem } from '../api/client';
import { isMessageKey, useI18n } from '../i18n';
import { problemText } from './problems';
import { useUser } from './auth';
import { Link } from './router';

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
  /** A page of the other front end (an absolute address such as /app/handbok): a plain link, not the router's. */
  external?: boolean;
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
                {n.external ? (
                  <a href={n.to}>{n.label}</a>
                ) : (
                  <Link to={n.to} aria-current={n.current ? 'page' : undefined}>
                    {n.label}
                  </Link>
                )}
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

/**
 * An error from the server in the UI's language (by its problem code, see problemText). A code the bundles do
 * not know yet gets a text by its status, with the server's (English) explanation after it, marked as English.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const known = !(error instanceof ApiProblem) || isMessageKey(`problem.${error.code}`);
  return (
    <p className="error-message" role="alert">
      {problemText(error, t)}
      {!known && error instanceof Error && error.message ? (
        <>
          {' '}
          {t('problem.detailEn')} <span lang="en">{error.message}</span>
        </>
      ) : null}
    </p>
  );
}
