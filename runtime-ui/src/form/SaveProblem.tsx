import { useEffect, useRef, useState } from 'react';
import { ApiProblem, auth } from '../api/client';
import { problemText } from '../app/problems';
import { useI18n } from '../i18n';

/**
 * Says, next to the save controls, that saving failed and that the answers are still on the page. When the
 * session has ended (401) it offers to sign in again in place and then sends the answers again (retry).
 */
export function SaveProblem({ error, retry }: { error: unknown; retry: () => Promise<unknown> }) {
  const { t } = useI18n();
  const [signingIn, setSigningIn] = useState(false);
  if (!error) return null;
  const signedOut = error instanceof ApiProblem && error.status === 401;
  const detail = signedOut ? t('save.signedOut') : problemText(error, t);
  return (
    <div className="save-problem" role="alert">
      <p>
        <strong>{t('save.failed')}</strong> {detail} {t('save.kept')}
      </p>
      {signedOut ? (
        signingIn ? (
          <SignInDialog
            onCancel={() => setSigningIn(false)}
            onSignedIn={async () => {
              setSigningIn(false);
              await retry().catch(() => undefined);
            }}
          />
        ) : (
          <button type="button" onClick={() => setSigningIn(true)}>
            {t('save.signIn')}
          </button>
        )
      ) : (
        <button type="button" className="secondary" onClick={() => void retry().catch(() => undefined)}>
          {t('save.retry')}
        </button>
      )}
    </div>
  );
}

/** Signing in again without leaving the page (nothing typed is lost). */
export function SignInDialog({ onSignedIn, onCancel }: { onSignedIn: () => Promise<void> | void; onCancel: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!username || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await auth.login(username, password);
      await onSignedIn();
    } catch (e) {
      setError(problemText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sign-in-dialog" role="dialog" aria-labelledby="sign-in-again-title">
      <h2 id="sign-in-again-title">{t('save.signInTitle')}</h2>
      {error ? (
        <p className="field-error" id="sign-in-again-error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="again-username">{t('login.username')}</label>
        <input id="again-username" ref={first} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void submit(e)} />
      </div>
      <div className="field">
        <label htmlFor="again-password">{t('login.password')}</label>
        <input
          id="again-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void submit(e)}
        />
      </div>
      <div className="form-buttons">
        <button type="button" disabled={busy} onClick={(e) => void submit(e)}>
          {t('save.signInAndSave')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('save.cancel')}
        </button>
      </div>
    </div>
  );
}
