import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { auth, type User } from '../api/client';
import { useT } from '../i18n';
import { LoginPage } from './LoginPage';

interface AuthState {
  user: User;
  logout: () => Promise<void>;
}

const Ctx = createContext<AuthState | null>(null);

export function useUser(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useUser outside RequireLogin');
  return v;
}

/** The signed-in user, or null where no sign-in surrounds the component (a page rendered on its own). */
export function useOptionalUser(): AuthState | null {
  return useContext(Ctx);
}

/** Shows the login page until someone is signed in, then the children. */
export function RequireLogin({ children, title }: { children: ReactNode; title: string }) {
  const t = useT();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    auth.me().then(setUser, () => setUser(null));
  }, []);
  const logout = useCallback(async () => {
    await auth.logout();
    setUser(null);
  }, []);
  if (user === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (user === null) return <LoginPage title={title} onLogin={setUser} />;
  return <Ctx.Provider value={{ user, logout }}>{children}</Ctx.Provider>;
}
