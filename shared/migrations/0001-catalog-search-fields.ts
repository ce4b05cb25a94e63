import { isDeepStrictEqual } from 'node:util';
import type { Item } from '../catalog/item.ts';
import { searchFieldsOf } from '../catalog/search-fields.ts';
import { catalogKeys } from '../db/keys.ts';
import type { Migration } from './migration.ts';

/**
 * The pinyin search fields are derived data, stored beside each item version and published copy
 * so the public search function needs no pinyin dictionary (search-fields.ts). A row without
 * them, or with fields of another derivation, is missed by the search and breaks the index
 * build. This brings every row to exactly what the current code writes; a release that changes
 * the derivation ships a new migration like this one.
 */
export const catalogSearchFields: Migration = {
  id: '0001-catalog-search-fields',
  table: 'catalog',
  description: '事项版本与已发布副本的拼音检索字段按当前规则重新生成',
  reads: ['item'],
  // warm search functions rebuild their index when the catalog version moves
  bumps: { key: catalogKeys.meta(), attribute: 'catalogVersion' },
  up(row) {
    if (!row.pk.startsWith('ITEM#') || typeof row.item !== 'object' || row.item === null) return null;
    const fresh = searchFieldsOf(row.item as Item);
    return isDeepStrictEqual(row.search, fresh) ? null : { set: { search: fresh } };
  },
};
