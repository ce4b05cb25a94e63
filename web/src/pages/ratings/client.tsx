import { useContext, useState, type ReactNode } from 'react';
import { MutationCache, QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { notifyError } from '../../shell/notify.ts';
import { ApiError, getToken } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';

/**
 * The pages of 好差评 fetch through TanStack Query. When the app provides a QueryClient (the web's
 * data layer does), they use it; until then they bring their own with the same defaults.
 */
const transient = (e: unknown): boolean => e instanceof ApiError && (e.status === 0 || e.status >= 502);

export const errorText = (e: unknown): string => (e instanceof Error && e.message ? e.message : '操作失败，请稍后重试');

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

/** Downloads a file the API produces (an export) and hands it to the browser. */
export const download = async (path: string, fallbackName: string): Promise<void> => {
  const token = getToken();
  const res = await fetch(`${runtimeConfig().apiBaseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new ApiError(res.status, 'DOWNLOAD', body.error?.message ?? `下载失败（${res.status}）`);
  }
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: encoded ? decodeURIComponent(encoded) : fallbackName });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
};

export const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
