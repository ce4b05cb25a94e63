import * as z from 'zod';
import { ConflictError, NotFoundError } from '../errors/domain-errors.ts';
import { bjDate } from '../platform/beijing-time.ts';
import { calendarMonth } from '../schema/date.ts';
import { normalizeText } from './lexicon.ts';
import { auditOf, publishWrites, validateItem, type AdminContext } from './admin.ts';
import { searchFieldsOf } from './search-fields.ts';
import type { MissKind, SearchMiss, SearchMissStore } from './ports.ts';
import type { CatalogStore } from './ports.ts';
import type { ItemVersion } from './versions.ts';

/**
 * What people could not find: queries that found nothing, or whose results were left without a
 * click, counted per Beijing month with no personal data; the county admin sees the most counted
 * and makes one findable in one click (adds it as a 俗称 of the item people meant).
 */

/**
 * The form of a query that may be counted, or undefined when it must not be: too short or long,
 * or holding what may be personal data (a run of digits: an ID, phone or case number; an e-mail).
 */
export const missQuery = (raw: string): string | undefined => {
  const q = normalizeText(raw).replace(/\s+/g, ' ').trim();
  if (q.length < 2 || q.length > 30) return undefined;
  if (/\d{4,}/.test(q.replace(/[\s-]/g, '')) || q.includes('@')) return undefined;
  return q;
};

export const monthOf = (at: Date): string => bjDate(at).slice(0, 7);

/** Counts a miss (nothing counted when the query may hold personal data). */
export const recordMiss = async (store: SearchMissStore, raw: string, kind: MissKind, now: Date): Promise<boolean> => {
  const q = missQuery(raw);
  if (!q) return false;
  await store.record(monthOf(now), q, kind, now.toISOString());
  return true;
};

/** A query counted once may be someone's own name typed by mistake: the list shows repeats only. */
export const MIN_COUNT = 2;

export const missesQuerySchema = z.object({ month: calendarMonth.optional() });

export const topMisses = async (store: SearchMissStore, month: string, limit = 50): Promise<SearchMiss[]> =>
  (await store.top(month, limit * 4)).filter((m) => m.zero + m.noClick >= MIN_COUNT).slice(0, limit);

export const aliasBodySchema = z.object({
  alias: z
    .string({ error: '请填写俗称' })
    .trim()
    .min(2, '俗称至少 2 个字')
    .max(30, '俗称不能超过 30 个字')
    .regex(/^[\p{Script=Han}a-zA-Z0-9（）()、 ]+$/u, '俗称只能包含汉字、字母和数字'),
  /** The month of the not-found list the alias came from (marks it handled there). */
  month: calendarMonth.optional(),
});

/**
 * Adds a 俗称 to an item and publishes it at once, as version n+1 (never an edit in place), with
 * its audit event. Refused while the item has an unpublished draft: that draft is someone's work.
 */
export const addAlias = async (
  catalog: CatalogStore,
  misses: SearchMissStore,
  input: { code: string; alias: string; month?: string },
  ctx: AdminContext,
): Promise<ItemVersion> => {
  const entry = await catalog.getEntry(input.code);
  const current = await catalog.getCurrent(input.code);
  if (!entry || !current || current.status !== 'published' || entry.publishedVersion === undefined)
    throw new NotFoundError(`事项 ${input.code} 不存在或未发布，只能为已发布的事项添加俗称`);
  if (entry.latestVersion !== entry.publishedVersion)
    throw new ConflictError(
      'ITEM_HAS_DRAFT',
      `事项“${entry.name}”有未发布的草稿（第 ${entry.latestVersion} 版）：请先在事项管理中发布或处理该草稿，再添加俗称`,
    );
  const alias = input.alias.trim();
  const at = (ctx.now ?? new Date()).toISOString();
  const mark = () => (input.month ? misses.markHandled(input.month, normalizeText(alias), { code: entry.code, name: entry.name, at }) : Promise.resolve());
  const published = await catalog.getVersion(input.code, entry.publishedVersion);
  if (!published) throw new NotFoundError(`事项 ${input.code} 没有第 ${entry.publishedVersion} 版`);
  if (current.item.keywords.some((k) => normalizeText(k) === normalizeText(alias))) {
    await mark();
    return published;
  }
  const item = validateItem({ ...current.item, keywords: [...current.item.keywords, alias] });
  const version = entry.latestVersion + 1;
  const row: ItemVersion = {
    code: item.code,
    version,
    status: 'published',
    item,
    search: searchFieldsOf(item),
    createdAt: at,
    createdBy: ctx.actor,
    source: 'alias',
    publishedAt: at,
    publishedBy: ctx.actor,
  };
  await catalog.commit(
    [{ op: 'put-version', row }, ...publishWrites(row, entry, at, ctx.actor, 'published', version)],
    [auditOf(ctx, 'catalog.item.alias', item.code, `为“${item.name}”添加俗称“${alias}”并发布第 ${version} 版`)],
  );
  await mark();
  return row;
};
