import { describe } from 'vitest';
import { memoryHallStore } from '../../../shared/hall/memory-hall.ts';
import { hallStoreContract } from './store-contract.ts';

describe('the in-memory HallStore keeps the HallStore contract', () => {
  hallStoreContract(() => memoryHallStore());
});
