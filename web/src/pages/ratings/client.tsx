import { useContext, useState, type ReactNode } from 'react';
import { MutationCache, QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { notifyError } from '../../shell/notify.ts';
import { ApiError, errorText } from '../../shell/api.ts';

/**
 * The pages of 好差评 fetch through TanStack Query. When the app provides a QueryClient (the web's
 * data layer does), they use it; until then they bring their own with the same defaults.
 */
const transient = (e: unknown): boolean => e instanceof ApiError && (e.status === 0 || e.status >= 502);

const makeClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: (n, e) => n < 1 && transient(e), refetchOnWindowFocus: false }, mutations: { retry: false } },
    mutationCache: new MutationCache({
      onError: (e, _v, _c, mutation) => {
        if (!(mutation.meta as { handlesError?: boolean } | undefined)?.handlesError) notifyError(errorText(e));
      },
    }),
  });

export const WithQuery = ({ children }: { children: ReactNode }) => {
  const existing = useContext(QueryClientContext);
  const [own] = useState(() => (existing ? null : makeClient()));
  return own ? <QueryClientProvider client={own}>{children}</QueryClientProvider> : <>{children}</>;
};

export const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
