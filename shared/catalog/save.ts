import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-errors.ts';
import { sameItem } from './item.ts';
import { searchFieldsOf } from './search-fields.ts';
import { auditOf, entryOf, validateItem, type AdminContext } from './admin.ts';
import type { CatalogStore } from './ports.ts';
import type { ItemVersion } from './versions.ts';

export interface SaveInput {
  /** Code from the path; the body's code must match it (or is taken from it). */
  code: string;
  item: unknown;
  /** `create` refuses an existing code (codes are unique); `edit` refuses an unknown one. */
  mode: 'create' | 'edit' | 'upsert';
  /** The latest version the editor started from: refuses to overwrite someone else's edit. */
  baseVersion?: number;
}

/** Editing never changes a version in place: it writes version n+1 as a draft. */
export const saveItem = async (store: CatalogStore, input: SaveInput, ctx: AdminContext): Promise<ItemVersion> => {
  const body = (input.item && typeof input.item === 'object' ? { ...(input.item as object) } : input.item) as Record<string, unknown>;
  if (body && typeof body === 'object') {
    if (body.code === undefined) body.code = input.code;
    else if (body.code !== input.code)
      throw new ValidationError(`事项编码不一致：地址中是 ${input.code}，内容中是 ${String(body.code)}`, [
        { path: 'code', message: '事项编码不能修改；要改编码请新建事项' },
      ]);
  }
  const item = validateItem(body);
  const entry = await store.getEntry(item.code);
  if (entry && input.mode === 'create') throw new ConflictError('ITEM_CODE_TAKEN', `事项编码 ${item.code} 已被“${entry.name}”使用，事项编码不能重复`);
  if (!entry && input.mode === 'edit') throw new NotFoundError(`事项 ${item.code} 不存在`);
  if (entry && input.baseVersion !== undefined && input.baseVersion !== entry.latestVersion)
    throw new ConflictError(
      'ITEM_STALE',
      `事项 ${item.code} 已有更新的版本（第 ${entry.latestVersion} 版），您编辑的是第 ${input.baseVersion} 版：请刷新后再修改`,
    );
  if (entry) {
    const latest = await store.getVersion(item.code, entry.latestVersion);
    // nothing changed: no new version (saving twice must not fill the history with copies)
    if (latest && latest.status === 'draft' && sameItem(latest.item, item)) return latest;
  }
  const at = (ctx.now ?? new Date()).toISOString();
  const version = (entry?.latestVersion ?? 0) + 1;
  const row: ItemVersion = {
    code: item.code,
    version,
    status: 'draft',
    item,
    search: searchFieldsOf(item),
    createdAt: at,
    createdBy: ctx.actor,
    source: 'editor',
  };
  await store.commit(
    [
      { op: 'put-version', row },
      {
        op: 'put-entry',
        entry: entryOf(item, entry, { latestVersion: version, latestStatus: 'draft' }, at, ctx.actor),
        expectedLatest: entry?.latestVersion ?? null,
      },
    ],
    [auditOf(ctx, 'catalog.item.save', item.code, `保存草稿 第 ${version} 版 ${item.name}`)],
  );
  return row;
};
