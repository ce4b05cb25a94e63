import type { AuditAction } from '../audit/labels.ts';
import type { AuditInput } from '../audit/audit.ts';
import { ConflictError, NotFoundError, RuleError, ValidationError } from '../errors/domain-errors.ts';
import { checkItemRules, itemShapeSchema, normalizeItem, type Item } from './item.ts';
import type { Actor, CatalogEntry, ItemVersion, PublishedCopy } from './versions.ts';
import type { CatalogStore, CatalogWrite } from './ports.ts';
import { fieldIssues } from '../errors/field-issues.ts';

/**
 * Admin use cases of the catalog: publish, withdraw, history (saving is in save.ts, the one that
 * needs the pinyin dictionary). Each mutation is one transaction with its audit event.
 */
export interface AdminContext {
  actor: Actor;
  sourceIp: string;
  userAgent: string;
  now?: Date;
}

export const auditOf = (ctx: AdminContext, action: AuditAction, code: string, detail: string): AuditInput => ({
  actor: ctx.actor,
  action,
  target: { type: 'item', id: code },
  result: 'success',
  sourceIp: ctx.sourceIp,
  userAgent: ctx.userAgent,
  detail,
});

/** Validates an item: shape (400, ValidationError) then business rules (422, RuleError); messages name the field. */
export const validateItem = (input: unknown): Item => {
  const r = itemShapeSchema.safeParse(input);
  if (!r.success) {
    const fields = fieldIssues(r.error);
    throw new ValidationError(`事项内容有误：${fields[0]?.message ?? '格式不正确'}`, fields);
  }
  const item = normalizeItem(r.data);
  const issues = checkItemRules(item);
  if (issues.length) throw new RuleError('ITEM_RULE', issues[0]!.message, issues);
  return item;
};

export const entryOf = (
  item: Item,
  prev: CatalogEntry | undefined,
  patch: Pick<CatalogEntry, 'latestVersion' | 'latestStatus'> & Partial<Pick<CatalogEntry, 'publishedVersion' | 'state'>>,
  at: string,
  by: Actor,
): CatalogEntry => {
  const publishedVersion = 'publishedVersion' in patch ? patch.publishedVersion : prev?.publishedVersion;
  return {
    code: item.code,
    name: item.name,
    category: item.category,
    office: item.office,
    state: patch.state ?? prev?.state ?? 'draft',
    latestVersion: patch.latestVersion,
    latestStatus: patch.latestStatus,
    ...(publishedVersion !== undefined ? { publishedVersion } : {}),
    updatedAt: at,
    updatedBy: by,
    ...(item.demo ? { demo: true } : {}),
  };
};

/** Publishes a draft (default: the latest): it becomes the guide shown and the version new cases pin. */
export const publishItem = async (store: CatalogStore, input: { code: string; version?: number }, ctx: AdminContext): Promise<ItemVersion> => {
  const entry = await store.getEntry(input.code);
  if (!entry) throw new NotFoundError(`事项 ${input.code} 不存在`);
  const n = input.version ?? entry.latestVersion;
  const v = await store.getVersion(input.code, n);
  if (!v) throw new NotFoundError(`事项 ${input.code} 没有第 ${n} 版`);
  if (v.status !== 'draft')
    throw new ConflictError('ITEM_NOT_DRAFT', `第 ${n} 版不是草稿（当前状态：${v.status === 'published' ? '已发布' : '不可发布'}），只能发布草稿`);
  if (entry.publishedVersion !== undefined && entry.publishedVersion > n)
    throw new ConflictError('ITEM_OLDER_DRAFT', `第 ${n} 版早于已发布的第 ${entry.publishedVersion} 版，不能发布旧版本`);
  const at = (ctx.now ?? new Date()).toISOString();
  const writes: CatalogWrite[] = [
    { op: 'set-status', code: v.code, version: n, from: 'draft', to: 'published', at, by: ctx.actor },
    ...publishWrites(v, entry, at, ctx.actor, n === entry.latestVersion ? 'published' : entry.latestStatus),
  ];
  await store.commit(writes, [auditOf(ctx, 'catalog.item.publish', v.code, `发布 第 ${n} 版 ${v.item.name}`)]);
  return { ...v, status: 'published', publishedAt: at, publishedBy: ctx.actor };
};

/**
 * The writes that make version `v` the published one, besides its own status: the previous
 * published version is superseded, the published copy and the entry follow, the catalog version
 * is bumped. Shared with the import.
 */
export const publishWrites = (
  v: ItemVersion,
  entry: CatalogEntry | undefined,
  at: string,
  by: Actor,
  latestStatus: ItemVersion['status'],
  latestVersion = entry?.latestVersion ?? v.version,
  bump = true,
): CatalogWrite[] => {
  const prev = entry?.publishedVersion;
  const copy: PublishedCopy = { code: v.code, version: v.version, status: 'published', item: v.item, search: v.search, publishedAt: at };
  return [
    ...(prev !== undefined && entry?.state === 'published'
      ? [{ op: 'set-status', code: v.code, version: prev, from: 'published', to: 'superseded', at, by } as const]
      : []),
    { op: 'put-current', row: copy },
    {
      op: 'put-entry',
      entry: entryOf(v.item, entry, { latestVersion, latestStatus, publishedVersion: v.version, state: 'published' }, at, by),
      expectedLatest: entry?.latestVersion ?? null,
    },
    ...(bump ? [{ op: 'bump-catalog', at } as const] : []),
  ];
};

/** Takes an item out of the public catalog: no new cases; cases already accepted keep their version. */
export const withdrawItem = async (store: CatalogStore, input: { code: string; reason?: string }, ctx: AdminContext): Promise<CatalogEntry> => {
  const entry = await store.getEntry(input.code);
  if (!entry) throw new NotFoundError(`事项 ${input.code} 不存在`);
  if (entry.state !== 'published' || entry.publishedVersion === undefined)
    throw new ConflictError('ITEM_NOT_PUBLISHED', `事项 ${input.code} 当前未发布，无需撤回`);
  const v = await store.getVersion(input.code, entry.publishedVersion);
  if (!v) throw new NotFoundError(`事项 ${input.code} 没有第 ${entry.publishedVersion} 版`);
  const at = (ctx.now ?? new Date()).toISOString();
  const latestStatus = entry.latestVersion === v.version ? 'withdrawn' : entry.latestStatus;
  const next = entryOf(v.item, entry, { latestVersion: entry.latestVersion, latestStatus, state: 'withdrawn' }, at, ctx.actor);
  await store.commit(
    [
      {
        op: 'set-status',
        code: v.code,
        version: v.version,
        from: 'published',
        to: 'withdrawn',
        at,
        by: ctx.actor,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      { op: 'withdraw-current', code: v.code, version: v.version, at },
      { op: 'put-entry', entry: next, expectedLatest: entry.latestVersion },
      { op: 'bump-catalog', at },
    ],
    [auditOf(ctx, 'catalog.item.withdraw', v.code, `撤回 第 ${v.version} 版 ${v.item.name}${input.reason ? `：${input.reason}` : ''}`)],
  );
  return next;
};

/** History of an item, newest first. */
export const listVersions = async (store: CatalogStore, code: string): Promise<{ entry: CatalogEntry; versions: ItemVersion[] }> => {
  const entry = await store.getEntry(code);
  if (!entry) throw new NotFoundError(`事项 ${code} 不存在`);
  const versions = (await store.listVersions(code)).sort((a, b) => b.version - a.version);
  return { entry, versions };
};
