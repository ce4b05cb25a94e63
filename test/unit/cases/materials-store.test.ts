import { describe } from 'vitest';
import { memoryMaterialObjects } from '../../../shared/cases/memory-material-files.ts';
import { memoryMaterialStore } from '../../../shared/cases/memory-materials.ts';
import { materialObjectsContract, materialStoreContract } from './materials-contract.ts';

describe('MaterialStore contract (memory)', () => materialStoreContract(() => memoryMaterialStore()));

describe('MaterialObjects contract (memory)', () =>
  materialObjectsContract(() => {
    const objects = memoryMaterialObjects();
    return { objects, upload: async (key, bytes) => objects.put(key, bytes) };
  }));
