import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { CatalogEntry, ItemVersion, PublishedCopy, StoredLexicon } from './versions.ts';
import type { CatalogStore, CatalogWrite } from './ports.ts';

/** CatalogStore in memory for unit tests: same conditions as DynamoDB, all-or-nothing commits. */
export interface MemoryCatalogStore extends CatalogStore {
  readonly audits: AuditInput[];
  readonly commits: number;
}

const clone = <T>(v: T): T => structuredClone(v);

export const memoryCatalogStore = (): MemoryCatalogStore => {
  const entries = new Map<string, CatalogEntry>();
  const versions = new Map<string, ItemVersion>();
  const current = new Map<string, PublishedCopy>();
  const audits: AuditInput[] = [];
  let catalogVersion = 0;
  let lexicon: StoredLexicon | undefined;
  let commits = 0;
  const vkey = (code: string, v: number) => `${code}#${v}`;

  const check = (w: CatalogWrite): boolean => {
    switch (w.op) {
      case 'put-version':
        return !versions.has(vkey(w.row.code, w.row.version));
      case 'set-status':
        return versions.get(vkey(w.code, w.version))?.status === w.from;
      case 'put-current': {
        const c = current.get(w.row.code);
        return !c || c.version < w.row.version;
      }
      case 'withdraw-current': {
        const c = current.get(w.code);
        return c?.version === w.version && c.status === 'published';
      }
      case 'put-entry': {
        const e = entries.get(w.entry.code);
        return w.expectedLatest === null ? !e : e?.latestVersion === w.expectedLatest;
      }
      case 'bump-catalog':
        return true;
      case 'put-lexicon':
        return (lexicon?.revision ?? 0) === w.expectedRevision;
    }
  };

  const apply = (w: CatalogWrite): void => {
    switch (w.op) {
      case 'put-version':
        versions.set(vkey(w.row.code, w.row.version), clone(w.row));
        return;
      case 'set-status': {
        const v = versions.get(vkey(w.code, w.version))!;
        v.status = w.to;
        if (w.to === 'published') Object.assign(v, { publishedAt: w.at, publishedBy: w.by });
        if (w.to === 'superseded') v.supersededAt = w.at;
        if (w.to === 'withdrawn') Object.assign(v, { withdrawnAt: w.at, withdrawnBy: w.by, ...(w.reason ? { withdrawReason: w.reason } : {}) });
        return;
      }
      case 'put-current':
        current.set(w.row.code, clone(w.row));
        return;
      case 'withdraw-current':
        Object.assign(current.get(w.code)!, { status: 'withdrawn', withdrawnAt: w.at });
        return;
      case 'put-entry':
        entries.set(w.entry.code, clone(w.entry));
        return;
      case 'bump-catalog':
        catalogVersion += 1;
        return;
      case 'put-lexicon':
        lexicon = clone(w.lexicon);
        return;
    }
  };

  return {
    audits,
    get commits() {
      return commits;
    },
    listEntries: async () => [...entries.values()].map(clone).sort((a, b) => (a.code < b.code ? -1 : 1)),
    getEntry: async (code) => clone(entries.get(code)),
    listVersions: async (code) =>
      [...versions.values()]
        .filter((v) => v.code === code)
        .sort((a, b) => a.version - b.version)
        .map(clone),
    getVersion: async (code, v) => clone(versions.get(vkey(code, v))),
    getCurrent: async (code) => clone(current.get(code)),
    listPublished: async () =>
      // in code order, as the published index (gsi1, sorted by code) gives them
      [...current.values()]
        .filter((c) => c.status === 'published')
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((c) => clone({ item: c.item, version: c.version, search: c.search })),
    getCatalogVersion: async () => catalogVersion,
    getLexicon: async () => clone(lexicon),
    commit: async (writes, auditInputs) => {
      if (writes.length + auditInputs.length > 100) throw new Error('transaction too large');
      if (!writes.every(check)) throw new ConflictError('CATALOG_CONFLICT', '事项刚被他人修改（版本已变化），请刷新后重试');
      writes.forEach(apply);
      audits.push(...auditInputs);
      commits += 1;
    },
  };
};
