import { dynamoCatalogReader } from '../catalog/wiring.ts';
import { loadCalendar } from '../calendar/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoCaseStore } from './dynamo-cases.ts';
import { kmsSealer } from './kms-sealer.ts';
import type { CasePorts } from './store.ts';
import { dynamoOffices } from '../offices/dynamo-offices.ts';
import { noticesConfig } from '../notices/config.ts';

/** The production wiring of the case use cases, built once per container. */
const casePortsKept = containerSlot<CasePorts>();
export const casePorts = (): CasePorts =>
  casePortsKept.get(() => ({
    cases: dynamoCaseStore(),
    sealer: kmsSealer(),
    catalog: dynamoCatalogReader(),
    calendar: () => loadCalendar(),
    clock: systemClock,
    offices: dynamoOffices(),
    noticesConfig,
  }));
