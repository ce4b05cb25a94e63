import { describe } from 'vitest';
import { memoryDirectory } from '../../../shared/identity/memory-directory.ts';
import { directoryContract } from './directory-contract.ts';
import { attemptsContract } from './attempts-contract.ts';

/** The directory's contracts on the memory fake (DynamoDB Local runs them in test/integration/identity/ports.test.ts). */
describe('DirectoryRecords contract (memory)', () => directoryContract(() => memoryDirectory()));
describe('LoginAttempts contract (memory)', () => attemptsContract(() => memoryDirectory()));
