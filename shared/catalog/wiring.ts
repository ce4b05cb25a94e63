import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoCatalogStore } from './dynamo-catalog.ts';
import { dynamoSearchMisses } from './dynamo-search-misses.ts';
import type { SearchMissStore } from './ports.ts';
import type { CatalogStore } from './ports.ts';
import { catalogReaderOn } from './reader.ts';
import type { CatalogReader } from './ports.ts';
import { indexCache, type IndexCache } from './index-cache.ts';

/** The catalog's production ports, built once per container (and again when a test re-points the county). */
const catalogKept = containerSlot<CatalogStore>();
export const catalogStore = (): CatalogStore => catalogKept.get(() => dynamoCatalogStore());

const missesKept = containerSlot<SearchMissStore>();
export const searchMissStore = (): SearchMissStore => missesKept.get(() => dynamoSearchMisses());

/** The catalog as other contexts read it (one GetItem per call). */
export const dynamoCatalogReader = (): CatalogReader => catalogReaderOn(catalogStore());

/** The container's one search index over the DynamoDB catalog (module state = warm container). */
const publicIndexKept = containerSlot<IndexCache>();
export const publicIndex = (): IndexCache => publicIndexKept.get(() => indexCache(dynamoCatalogStore()));

/** After a publish/withdraw in this container the next search checks the catalog version at once. */
export const invalidatePublicIndex = (): void => publicIndex().invalidate();
