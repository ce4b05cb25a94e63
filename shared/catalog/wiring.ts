import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoCatalogStore } from './dynamo-catalog.ts';
import { dynamoSearchMisses } from './dynamo-search-misses.ts';
import type { SearchMissStore } from './ports.ts';
import type { CatalogStore } from './store.ts';

/** The catalog's production ports, built once per container (and again when a test re-points the county). */
const catalogKept = containerSlot<CatalogStore>();
export const catalogStore = (): CatalogStore => catalogKept.get(() => dynamoCatalogStore());

const missesKept = containerSlot<SearchMissStore>();
export const searchMissStore = (): SearchMissStore => missesKept.get(() => dynamoSearchMisses());
