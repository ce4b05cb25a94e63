import { describe } from 'vitest';
import { memoryOffices } from '../../../shared/offices/memory-offices.ts';
import { officeDirectoryContract } from './directory-contract.ts';

describe('OfficeDirectory contract (memory)', () => officeDirectoryContract(async (offices) => memoryOffices(offices)));
