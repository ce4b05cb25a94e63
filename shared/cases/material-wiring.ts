import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoCaseStore } from './dynamo-cases.ts';
import { dynamoMaterialStore } from './dynamo-materials.ts';
import type { MaterialUseCasePorts } from './materials.ts';
import { s3MaterialObjects } from './s3-material-files.ts';

/** The production wiring of the material use cases, built once per container. */
const kept = containerSlot<MaterialUseCasePorts>();
export const materialPorts = (): MaterialUseCasePorts =>
  kept.get(() => ({ cases: dynamoCaseStore(), clock: systemClock, materials: dynamoMaterialStore(), objects: s3MaterialObjects() }));
