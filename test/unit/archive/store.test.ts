import { describe } from 'vitest';
import { memoryArchivePackages, memoryArchiveStore } from '../../../shared/archive/memory-archive.ts';
import { archivePackagesContract, archiveStoreContract } from './store-contract.ts';

describe('the in-memory ArchiveStore keeps the ArchiveStore contract', () => {
  archiveStoreContract(() => memoryArchiveStore());
});
describe('the in-memory ArchivePackages keeps the ArchivePackages contract', () => {
  archivePackagesContract(() => memoryArchivePackages(() => '2026-12-07'), { enforcesLock: true });
});
