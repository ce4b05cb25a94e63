import { describe } from 'vitest';
import { memoryDirectory } from '../../../shared/identity/memory-directory.ts';
import { directoryContract } from './directory-contract.ts';
import { attemptsContract } from './attempts-contract.ts';
import { firstAdminContract } from './first-admin-contract.ts';
import { memoryFirstAdminStore } from '../../../shared/identity/memory-first-admin.ts';

/** The directory's and the first-admin store's contracts on the memory fakes (DynamoDB Local runs them in test/integration/identity/ports.test.ts). */
describe('DirectoryRecords contract (memory)', () => directoryContract(() => memoryDirectory()));
describe('LoginAttempts contract (memory)', () => attemptsContract(() => memoryDirectory()));
describe('FirstAdminStore contract (memory)', () => firstAdminContract(() => memoryFirstAdminStore()));
