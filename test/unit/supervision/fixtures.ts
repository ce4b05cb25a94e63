import { memoryCasePorts } from '../../support/memory-case-ports.ts';
import { staticCatalogReader } from '../../../shared/catalog/memory-catalog-reader.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import type { CaseRecord } from '../../../shared/cases/model.ts';
import { memoryAlertQueue } from '../../../shared/supervision/memory-alert-queue.ts';
import { memorySupervisionStore } from '../../../shared/supervision/memory-supervision.ts';
import { scanOverdue } from '../../../shared/supervision/overdue-scan.ts';
import { DEFAULT_RULES, type SupervisionRules } from '../../../shared/supervision/rules.ts';
import type { TallyRow } from '../../../shared/supervision/tallies.ts';
import type { Watch } from '../../../shared/supervision/watch.ts';
import { application, at, CAL, CLERK, ITEMS, META, IMMEDIATE, OFFICES } from '../cases/fixtures.ts';
import { memoryOffices } from '../../../shared/offices/memory-offices.ts';

export { at, CAL, CLERK, META, HEAD, SUPERVISOR, OFFICE, OTHER_OFFICE, COUNTY_OFFICE, PROMISED, IMMEDIATE, application } from '../cases/fixtures.ts';

/**
 * A county in memory for supervision: the case store and the supervision store share the watches
 * and counters (as both live in the cases table), a delivery queue that can fail, a clock moved by
 * hand, November 2026 with a holiday on Thursday 11-05.
 */
export const county = (start = at('2026-11-02'), rules: SupervisionRules = DEFAULT_RULES) => {
  let now = start;
  const watches = new Map<string, Watch>();
  const tallies = new Map<string, TallyRow>();
  const store = memorySupervisionStore({ watches, tallies });
  const queue = memoryAlertQueue();
  const clock = () => now;
  const { ports: casePorts } = memoryCasePorts({
    catalog: staticCatalogReader(ITEMS),
    calendar: async () => ({ cal: CAL }),
    clock,
    offices: memoryOffices(OFFICES),
    watches,
  });
  const cases = casePorts.cases;
  const scanPorts = { store, queue, calendar: async () => ({ cal: CAL }), clock, offices: memoryOffices(OFFICES) };
  let key = 0;
  return {
    cases,
    store,
    queue,
    casePorts,
    scanPorts,
    rules,
    setNow: (d: Date) => {
      now = d;
    },
    now: clock,
    scan: (r: SupervisionRules = rules) => scanOverdue(scanPorts, r),
    /** Takes in a case at the current time (5 working days promised unless the 即办件). */
    accept: async (immediate = false): Promise<CaseRecord> =>
      (
        await intake(
          casePorts,
          CLERK,
          { ...application(immediate ? { itemCode: IMMEDIATE.code, materialsReceived: ['身份证'] } : {}), idempotencyKey: `key-${++key}-${Math.random()}` },
          META,
        )
      ).case,
    act: lifecycle,
    latest: async (id: string) => (await cases.get(id))!.record,
    /** The county's gauges (sum of the offices' NOW rows). */
    gauges: () => {
      const sum: Record<string, number> = { open: 0, dueSoon: 0, overdue: 0 };
      for (const r of tallies.values()) if (r.period === 'NOW') for (const [k, v] of Object.entries(r.values)) sum[k] = (sum[k] ?? 0) + (v ?? 0);
      return sum;
    },
  };
};
