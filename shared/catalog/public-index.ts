import { dynamoCatalogStore } from './dynamo-catalog.ts';
import { indexCache, type IndexCache } from './index-cache.ts';

/** The container's one search index over the DynamoDB catalog (module state = warm container). */
let cache: IndexCache | undefined;
export const publicIndex = (): IndexCache => (cache ??= indexCache(dynamoCatalogStore()));

/** After a publish/withdraw in this container the next search checks the catalog version at once. */
export const invalidatePublicIndex = (): void => cache?.invalidate();

/** Tests re-point the store between stacks. */
export const resetPublicIndex = (): void => {
  cache = undefined;
};
