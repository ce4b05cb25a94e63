import { describe } from 'vitest';
import { memoryHops } from '../../../shared/network/memory-hops.ts';
import { hopSenderContract } from './hops-contract.ts';

describe('HopSender contract (memory)', () =>
  hopSenderContract(() => {
    const hops = memoryHops();
    return { hops, received: async () => hops.drain() };
  }));
