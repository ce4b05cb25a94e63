import { auditOf, type AdminContext } from './admin.ts';
import { countyLexiconSchema, type CountyLexicon } from './lexicon.ts';
import { lexiconPinyin } from './lexicon-pinyin.ts';
import type { CatalogStore } from './ports.ts';
import type { StoredLexicon } from './versions.ts';

/**
 * The county's own lexicon entries (catalog settings): what people in this county say for the
 * county's own items (烤烟补贴 → 烟叶种植补贴). Saved with a revision condition (two admins cannot
 * overwrite each other) and a bump of the catalog version, so every search index rebuilds with it.
 */
export { countyLexiconSchema };

export const getCountyLexicon = async (store: Pick<CatalogStore, 'getLexicon'>): Promise<CountyLexicon & { revision: number; updatedAt?: string }> => {
  const l = await store.getLexicon();
  return { entries: l?.entries.map(({ says, means }) => ({ says, means })) ?? [], revision: l?.revision ?? 0, ...(l ? { updatedAt: l.updatedAt } : {}) };
};

export const saveCountyLexicon = async (store: CatalogStore, input: CountyLexicon, expectedRevision: number, ctx: AdminContext): Promise<StoredLexicon> => {
  const at = (ctx.now ?? new Date()).toISOString();
  const lexicon: StoredLexicon = {
    entries: input.entries,
    pinyin: lexiconPinyin(input.entries),
    revision: expectedRevision + 1,
    updatedAt: at,
    updatedBy: ctx.actor,
  };
  await store.commit(
    [
      { op: 'put-lexicon', lexicon, expectedRevision },
      { op: 'bump-catalog', at },
    ],
    [auditOf(ctx, 'catalog.lexicon.save', 'LEXICON', `保存本县搜索同义词 ${input.entries.length} 条`)],
  );
  return lexicon;
};
