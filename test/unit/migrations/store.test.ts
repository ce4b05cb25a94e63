import { describe } from 'vitest';
import { memoryMigrationStore } from '../../../shared/migrations/memory-migrations.ts';
import { migrationStoreContract } from './store-contract.ts';

describe('MigrationStore contract (memory)', () =>
  migrationStoreContract(async () => {
    const store = memoryMigrationStore();
    const table = () => store.tables.get('directory') ?? store.tables.set('directory', new Map()).get('directory')!;
    return {
      store,
      put: async (item) => void table().set(`${item.pk}|${item.sk}`, structuredClone(item)),
      remove: async (key) => void table().delete(`${key.pk}|${key.sk}`),
    };
  }));
