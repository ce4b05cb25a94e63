import { dynamoCatalogStore } from './dynamo-catalog.ts';
import { indexCache, type IndexCache } from './index-cache.ts';
import { perContainer } from '../platform/runtime-config.ts';

/** The container's one search index over the DynamoDB catalog (module state = warm container). */
export const publicIndex = perContainer((): IndexCache => indexCache(dynamoCatalogStore()));

/** After a publish/withdraw in this container the next search checks the catalog version at once. */
export const invalidatePublicIndex = (): void => publicIndex().invalidate();
