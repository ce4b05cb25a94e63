import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, setToken, setUnauthenticatedHandler } from './api.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  officeName: string;
  roles: string[];
  scopes: string[];
  mustChangePassword: boolean;
  totpEnrolmentRequired: boolean;
}

interface SessionState {
  user: User | null;
  loading: boolean;
  login(username: string, password: string, totp?: string): Promise<User>;
  logout(): Promise<void>;
  setUser(u: User): void;
  can(scope: string): boolean;
}

const Ctx = createContext<SessionState | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(Boolean(getToken()));

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setToken(null);
      setUser(null);
    });
    if (!getToken()) return;
    api<{ user: User }>('/api/auth/me')
      .then((r) => setUser(r.user))
      .catch(() => setToken(null))
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (username: string, password: string, totp?: string) => {
    const r = await api<{ token: string; user: User }>('/api/auth/login', { method: 'POST', json: { username, password, ...(totp ? { totp } : {}) } });
    setToken(r.token);
    setUser(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setToken(null);
    setUser(null);
  }, []);

  const value = useMemo<SessionState>(
    // same implication as the server (shared/identity/principal.ts): county-wide covers my-office
    () => ({ user, loading, login, logout, setUser, can: (s) => Boolean(user?.scopes.includes(s) || (s === 'user.manage:my-office' && user?.scopes.includes('user.manage:county'))) }),
    [user, loading, login, logout],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
};

export const useSession = (): SessionState => {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
};
