import { dynamoCatalogStore } from './dynamo-catalog.ts';
import { indexCache, type IndexCache } from './index-cache.ts';
import { containerSlot } from '../platform/runtime-config.ts';

/** The container's one search index over the DynamoDB catalog (module state = warm container). */
const publicIndexKept = containerSlot<IndexCache>();
export const publicIndex = (): IndexCache => publicIndexKept.get(() => indexCache(dynamoCatalogStore()));

/** After a publish/withdraw in this container the next search checks the catalog version at once. */
export const invalidatePublicIndex = (): void => publicIndex().invalidate();
