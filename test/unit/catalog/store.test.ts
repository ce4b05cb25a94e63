import { describe } from 'vitest';
import { memoryCatalogStore } from '../../../shared/catalog/memory-catalog.ts';
import { catalogStoreContract } from './store-contract.ts';

describe('CatalogStore contract (memory)', () => catalogStoreContract(() => memoryCatalogStore()));
