import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoOffices } from './dynamo-offices.ts';
import type { OfficeDirectory } from './ports.ts';

/**
 * The production office tree, one per container: every context's wiring takes it from here, so
 * the tree is read once (and kept a few minutes by dynamo-offices.ts) however many contexts ask.
 */
const officeDirectoryKept = containerSlot<OfficeDirectory>();
export const officeDirectory = (): OfficeDirectory => officeDirectoryKept.get(() => dynamoOffices());
