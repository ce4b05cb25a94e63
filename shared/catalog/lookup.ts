import * as z from 'zod';
import { createHash } from 'node:crypto';
import { NotFoundError } from '../errors/domain-errors.ts';
import { LEVELS, stableJson, type Item } from './item.ts';
import type { IndexCache } from './index-cache.ts';
import type { SearchResult } from './search-index.ts';
import type { CatalogStore } from './ports.ts';
import type { VersionStatus } from './versions.ts';

/** Public lookup (事项查询): no login, cacheable by a CDN. */
export const searchQuerySchema = z.object({
  q: z.string().trim().max(50, '搜索词不能超过 50 个字').optional(),
  category: z.string().trim().max(50).optional(),
  level: z.enum(LEVELS, { error: '层级必须是 county、township 或 village' }).optional(),
  office: z.string().trim().max(100).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1, 'limit 至少为 1').max(500, 'limit 不能超过 500').optional(),
  offset: z.coerce.number({ error: 'offset 必须是数字' }).int().min(0, 'offset 不能为负数').max(100_000).optional(),
});
export type SearchQueryInput = z.infer<typeof searchQuerySchema>;

export interface SearchResponse extends SearchResult {
  catalogVersion: number;
}

export const searchCatalog = async (cache: IndexCache, query: SearchQueryInput): Promise<SearchResponse> => {
  const index = await cache.get();
  const r = index.search({
    ...(query.q ? { q: query.q } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.level ? { level: query.level } : {}),
    ...(query.office ? { office: query.office } : {}),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.offset !== undefined ? { offset: query.offset } : {}),
  });
  return { ...r, catalogVersion: index.catalogVersion };
};

export interface GuideResponse {
  item: Item;
  version: number;
  status: VersionStatus;
  publishedAt?: string;
}

/** The full guide: the published version, or a given (non-draft) version, e.g. the one a case pinned. */
export const getGuide = async (store: Pick<CatalogStore, 'getCurrent' | 'getVersion'>, code: string, version?: number): Promise<GuideResponse> => {
  if (version !== undefined) {
    const v = await store.getVersion(code, version);
    if (!v || v.status === 'draft') throw new NotFoundError(`事项 ${code} 没有第 ${version} 版的办事指南`);
    return { item: v.item, version: v.version, status: v.status, ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}) };
  }
  const c = await store.getCurrent(code);
  if (!c) throw new NotFoundError(`没有找到事项 ${code}`);
  if (c.status !== 'published') throw new NotFoundError(`事项“${c.item.name}”已撤回，暂停办理`);
  return { item: c.item, version: c.version, status: 'published', publishedAt: c.publishedAt };
};

/** What a CDN may do with public lookups: keep a minute, serve stale for five while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** Strong ETag of a JSON body. */
export const etagOf = (body: unknown): string => `"${createHash('sha256').update(stableJson(body)).digest('base64url').slice(0, 27)}"`;

/** Does If-None-Match (a list, or `*`, possibly weak) match this ETag? */
export const etagMatches = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
};

/** A cacheable JSON result: 304 without a body when the client already holds it. */
export const cacheableResult = (body: unknown, ifNoneMatch: string | undefined) => {
  const etag = etagOf(body);
  const headers = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'accept-encoding' };
  return etagMatches(ifNoneMatch, etag) ? { status: 304, body: undefined, headers } : { status: 200, body, headers };
};
