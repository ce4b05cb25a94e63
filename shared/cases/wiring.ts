import { dynamoCatalogReader } from '../catalog/wiring.ts';
import { loadCalendar } from '../calendar/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoCaseStore } from './dynamo-cases.ts';
import { kmsSealer } from './kms-sealer.ts';
import type { CasePorts } from './ports.ts';
import { officeDirectory } from '../offices/wiring.ts';

/**
 * The case context's own production adapters, built once per container. Not yet the ports a use
 * case takes: the reactions of the contexts around a case are plugged in above, by `casePorts()`
 * of shared/app/wiring.ts — the one place handlers get the case ports from.
 */
const kept = containerSlot<Omit<CasePorts, 'reactions'>>();
export const caseAdapters = (): Omit<CasePorts, 'reactions'> =>
  kept.get(() => ({
    cases: dynamoCaseStore(),
    sealer: kmsSealer(),
    catalog: dynamoCatalogReader(),
    calendar: () => loadCalendar(),
    clock: systemClock,
    offices: officeDirectory(),
  }));
