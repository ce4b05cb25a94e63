import { describe } from 'vitest';
import { memoryAlertQueue } from '../../../shared/supervision/memory-alert-queue.ts';
import { alertQueueContract } from './alert-queue-contract.ts';
import { memorySupervisionStore } from '../../../shared/supervision/memory-supervision.ts';
import { supervisionStoreContract } from './store-contract.ts';

describe('SupervisionStore contract (memory)', () => supervisionStoreContract(() => memorySupervisionStore()));

describe('AlertQueue contract (memory)', () =>
  alertQueueContract(async () => {
    const queue = memoryAlertQueue();
    return { queue, received: async () => queue.sent };
  }));
