import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GuideResponse } from '@shared/catalog/lookup.ts';
import type { ItemsSearchResponse as SearchResponse } from '@shared/catalog/responses.ts';
import type { Hint } from '@shared/catalog/search-hints.ts';
import { api } from '../../shell/api.ts';

/** Public catalog API (no login): search and guides. */
export type { GuideResponse, SearchResponse, Hint };

export interface SearchParams {
  q?: string;
  category?: string;
  level?: string;
  limit?: number;
}

export const itemKeys = {
  all: ['items'] as const,
  search: (p: SearchParams) => ['items', 'search', p] as const,
  guide: (code: string, version?: number) => ['items', 'guide', code, version ?? 'current'] as const,
  suggest: (q: string) => ['items', 'suggest', q] as const,
};

/** Completions while one types (names and 俗称, by characters or pinyin, forgiving a slip). */
export const useSuggestions = (text: string) =>
  useQuery({
    queryKey: itemKeys.suggest(text.trim()),
    queryFn: ({ signal }) => api<{ suggestions: Hint[] }>(`/api/items/suggest?q=${encodeURIComponent(text.trim())}`, { signal }),
    enabled: text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/**
 * The results of a query were looked at and left without a click: told to the server (counted for
 * the county admin, no personal data) by a beacon, which survives leaving the page.
 */
export const reportUnclicked = (q: string): void => {
  const body = new Blob([JSON.stringify({ q })], { type: 'application/json' });
  if (!navigator.sendBeacon?.('/api/items/misses', body)) void fetch('/api/items/misses', { method: 'POST', body, keepalive: true }).catch(() => undefined);
};

const searchPath = (params: SearchParams): string => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  return `/api/items?${qs.toString()}`;
};

/**
 * Search as you type. The list being replaced stays on screen (marked as loading) until the new
 * answer arrives, so the kiosk does not flash empty between keystrokes.
 */
export const useItemSearch = (params: SearchParams, opts: { enabled?: boolean; keepPrevious?: boolean } = {}) =>
  useQuery({
    queryKey: itemKeys.search(params),
    queryFn: ({ signal }) => api<SearchResponse>(searchPath(params), { signal }),
    enabled: opts.enabled ?? true,
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });

/** The guide: the published version, or the version a case pinned. */
export const useGuide = (code: string | undefined, version?: number) =>
  useQuery({
    queryKey: itemKeys.guide(code ?? '', version),
    queryFn: ({ signal }) => api<GuideResponse>(`/api/items/${encodeURIComponent(code!)}${version ? `?version=${version}` : ''}`, { signal }),
    enabled: Boolean(code),
  });
