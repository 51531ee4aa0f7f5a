import { useEffect, useState } from 'react';
import { auth, type User } from '../api/client';
import { ErrorSummary } from '../form/ErrorSummary';
import { useI18n } from '../i18n';
import { problemText } from './problems';

export function LoginPage({ title, onLogin }: { title: string; onLogin: (u: User) => void }) {
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('login.title')} – ${title}`;
  }, [t, title]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!username || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    try {
      onLogin(await auth.login(username, password));
    } catch (e) {
      setError(problemText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login-page">
      <header className="app-header">
        <span className="brand">{title}</span>
        <button type="button" className="link-button" lang={lang === 'sv' ? 'en' : 'sv'} onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}>
          {t('app.language')}
        </button>
      </header>
      <main id="main" className="narrow">
        <h1>{t('login.title')}</h1>
        <ErrorSummary items={error ? [{ fieldId: 'username', text: error }] : []} />
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="username">{t('login.username')}</label>
            <input id="username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">{t('login.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" disabled={busy}>
            {t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
