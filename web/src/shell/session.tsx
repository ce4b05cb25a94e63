import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '@shared/identity/types.ts';
import type { LoginResult } from '@shared/identity/login.ts';
import type { Scope } from '@shared/platform/scopes.ts';
import { ApiError, api, getToken, setToken, setUnauthenticatedHandler } from './api.ts';

export type User = UserView;

interface SessionState {
  user: User | null;
  loading: boolean;
  /** Loading who I am failed for a reason other than an expired session (shown by the layout). */
  error: Error | null;
  retry(): void;
  login(username: string, password: string, totp?: string): Promise<User>;
  logout(): Promise<void>;
  setUser(u: User): void;
  can(scope: Scope): boolean;
}

export const ME_KEY = ['auth', 'me'] as const;

const Ctx = createContext<SessionState | null>(null);

/** Who is signed in: the `me` query, seeded by login and dropped (with every cached answer) on logout. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => (getToken() ? (await api<{ user: User }>('/api/auth/me', { signal })).user : null),
    staleTime: Infinity,
    initialData: getToken() ? undefined : null,
    // a 401 is a plain signed-out state, not an error to retry
    retry: (n, e) => n < 1 && !(e instanceof ApiError && e.status < 500 && e.status > 0),
  });

  /** The next user of this browser must not see the last one's cached cases. */
  const dropCached = useCallback(() => {
    client.removeQueries({ predicate: (q) => !(q.queryKey[0] === ME_KEY[0] && q.queryKey[1] === ME_KEY[1]) });
    client.getMutationCache().clear();
  }, [client]);

  const signOut = useCallback(() => {
    setToken(null);
    dropCached();
    client.setQueryData(ME_KEY, null);
  }, [client, dropCached]);

  useEffect(() => setUnauthenticatedHandler(signOut), [signOut]);
  // a stored token the server no longer accepts: back to the login page
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) signOut();
  }, [me.error, signOut]);

  const setUser = useCallback((u: User) => client.setQueryData(ME_KEY, u), [client]);

  const login = useCallback(
    async (username: string, password: string, totp?: string) => {
      const r = await api<LoginResult>('/api/auth/login', { method: 'POST', json: { username, password, ...(totp ? { totp } : {}) } });
      dropCached();
      setToken(r.token);
      setUser(r.user);
      return r.user;
    },
    [dropCached, setUser],
  );

  const logout = useCallback(async () => {
    // signing out locally must not wait on, or fail with, the server
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    signOut();
  }, [signOut]);

  const user = me.data ?? null;
  const { isPending, error, refetch } = me;
  const value = useMemo<SessionState>(
    () => ({
      user,
      loading: isPending,
      error: error && !(error instanceof ApiError && error.status === 401) ? error : null,
      retry: () => void refetch(),
      login,
      logout,
      setUser,
      // same implication as the server (shared/identity/principal.ts): county-wide covers my-office
      can: (s) => Boolean(user?.scopes.includes(s) || (s === 'user.manage:my-office' && user?.scopes.includes('user.manage:county'))),
    }),
    [user, isPending, error, refetch, login, logout, setUser],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
};

export const useSession = (): SessionState => {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
};
