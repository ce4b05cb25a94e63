import { demoItems } from '../shared/catalog/demo-catalog.ts';
import { dynamoCatalogStore } from '../shared/catalog/dynamo-catalog.ts';
import { commitVersions } from '../shared/catalog/import.ts';
import { parseItem } from '../shared/catalog/item.ts';
import type { CatalogStore } from '../shared/catalog/ports.ts';

const SEED_ACTOR = { userId: 'system', username: 'system', officeId: '', displayName: '演示数据导入' };

/**
 * Seeds the demo catalog (罗山县 list, details marked 示例), published. Idempotent: items whose
 * code already exists are left alone, so edits made in the demo survive a restart.
 */
export const seedCatalog = async (store: CatalogStore): Promise<{ items: number; written: number }> => {
  const items = demoItems();
  const existing = new Set((await store.listEntries()).map((e) => e.code));
  const missing = items.filter((i) => !existing.has(i.code));
  for (const i of missing) {
    const r = parseItem(i);
    if (!r.ok) throw new Error(`demo item ${i.code} ${i.name} is invalid: ${r.issues.map((x) => `${x.path} ${x.message}`).join('; ')}`);
  }
  const { written } = await commitVersions(
    store,
    missing.map((item) => ({ item, version: 1 })),
    { publish: true, ctx: { actor: SEED_ACTOR, sourceIp: '127.0.0.1', userAgent: 'seed-demo' }, source: '演示数据（罗山县乡级事项清单）' },
  );
  return { items: items.length, written };
};

export const seedDemoCatalog = async (): Promise<{ items: number }> => {
  const { items } = await seedCatalog(dynamoCatalogStore());
  return { items };
};
