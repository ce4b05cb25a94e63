import type { Item, ItemSummary } from '../../../../shared/catalog/item.ts';
import { api, ApiError } from '../../shell/api.ts';

/** Public catalog API (no login): search and guides. */
export interface SearchHit extends ItemSummary {
  version: number;
}
export interface SearchResponse {
  items: SearchHit[];
  total: number;
  categories: Array<{ name: string; count: number }>;
  catalogVersion: number;
}
export interface GuideResponse {
  item: Item;
  version: number;
  status: 'published' | 'superseded' | 'withdrawn';
  publishedAt?: string;
}

/** The shell's API helper (runtime API base URL, Chinese error envelope → ApiError). */
export { ApiError };

export const searchItems = (params: { q?: string; category?: string; level?: string; limit?: number }, signal?: AbortSignal): Promise<SearchResponse> => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  return api<SearchResponse>(`/api/items?${qs.toString()}`, signal ? { signal } : {});
};

export const getGuide = (code: string, version?: number, signal?: AbortSignal): Promise<GuideResponse> =>
  api<GuideResponse>(`/api/items/${encodeURIComponent(code)}${version ? `?version=${version}` : ''}`, signal ? { signal } : {});
