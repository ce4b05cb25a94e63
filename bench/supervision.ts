/**
 * Supervision figures for `npm run bench`: the read capacity of one overdue scan that
 * gives 10 new cards among 5,000 open cases of which 2,000 were carded before, against the same
 * with none carded — the scan's reads must grow with what is due, never with open cases or cards
 * already given. Every DynamoDB call of the scan (index queries, the calendar, the outbox relay) is
 * metered (ReturnConsumedCapacity on DynamoDB Local). Run alone: `npx tsx bench/supervision.ts`.
 *
 * The tables are written in bulk with the state the scan's own pure functions give each case at
 * the previous run (15 minutes before), as `npm start`'s demo history is: the same items a real
 * scan would have left, without 5,000 transactions to get there.
 */
import { pathToFileURL } from 'node:url';
import { withEmulators } from './emulators.ts';
import { benchMeter } from './meter.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const OPEN = 5_000;
const NEW_CARDS = 10;
const CARDED = 2_000;
/** The measured run: 00:05 Beijing on a working day (yellow cards fall due at the start of a day, red ones at its end). */
const DAY = '2026-12-02';

export const benchSupervision = async (): Promise<Figure[]> =>
  withEmulators('bsup', async ({ county, useCounty }) => {
    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { dynamo } = await import('../shared/aws/clients.ts');
    const { caseItem } = await import('../shared/cases/dynamo-case-items.ts');
    const { supervisionKeys } = await import('../shared/db/keys.ts');
    const { tableName } = await import('../shared/platform/env.ts');
    const { alertItem } = await import('../shared/supervision/dynamo-items.ts');
    const { scanOverdue, watchSettlement } = await import('../shared/supervision/overdue-scan.ts');
    const { evaluate } = await import('../shared/supervision/triggers.ts');
    const { snapshotOf } = await import('../shared/supervision/watch.ts');
    const { addDays, isWorkday } = await import('../shared/calendar/working-days.ts');
    const { bjEndOfDay } = await import('../shared/platform/beijing-time.ts');

    const figures: Figure[] = [];

    /** Read and write units of every DynamoDB call made through the shared client while `meter.on`. */
    let meter = { read: 0, write: 0, on: false };
    const attachMeter = () => {
      meter = benchMeter(dynamo(), 'benchCapacity');
    };

    const scenario = async (carded: number) => {
      await useCounty();
      attachMeter();
      const { seedDemoCounty } = await import('../local/seed.ts');
      await seedDemoCounty(county);
      const { scanPorts, supervisionRules } = await import('../shared/supervision/wiring.ts');
      const rules = supervisionRules();
      const ports = scanPorts();
      const { cal } = await ports.calendar(); // loaded once per container: not part of a scan's cost
      const now = new Date(`${DAY}T00:05:00+08:00`).toISOString();
      const before = new Date(Date.parse(now) - 15 * 60_000).toISOString();

      // open cases accepted on one day, due on every working day around the measured run
      const acceptedOn = '2026-11-02';
      const caseOn = (i: number, dueDate: string) => ({
        id: `bench-${String(i).padStart(5, '0')}`,
        number: `411521-20261102-${String(i).padStart(5, '0')}`,
        countyCode: '411521',
        officeId: '411521-lingshan',
        itemCode: 'bench-item',
        itemVersion: 1,
        itemName: '演示事项',
        kind: 'promised' as const,
        promisedDays: 20,
        statutoryDays: 20,
        applicant: {
          type: 'person' as const,
          name: '演示',
          nameMasked: '演*',
          idMasked: '1101**********002X',
          phoneMasked: '138****0000',
          phone4: '0000',
          sealed: { ek: 'bench', iv: '', ct: '', tag: '' },
        },
        materialsReceived: [],
        missingMaterials: [],
        status: 'in_progress' as const,
        createdAt: new Date(`${acceptedOn}T09:00:00+08:00`).toISOString(),
        acceptedAt: new Date(`${acceptedOn}T09:00:00+08:00`).toISOString(),
        acceptedOn,
        dueDate,
        dueAt: bjEndOfDay(dueDate),
        suspensions: [],
        createdBy: 'clerk.lingshan',
        version: 2,
      });
      // what each due day means at the measured run: cards given before it, new at it, or nothing yet
      const kinds: Record<'carded' | 'fresh' | 'quiet', string[]> = { carded: [], fresh: [], quiet: [] };
      for (let d = '2026-11-09'; d <= '2027-03-31'; d = addDays(d, 1)) {
        if (!isWorkday(d, cal)) continue;
        const w = snapshotOf(caseOn(0, d));
        const first = evaluate(w, {}, rules, cal, before);
        const given = Object.fromEntries([...first.due.map((t) => t.key), ...first.skipped].map((k) => [k, before]));
        const then = evaluate(w, given, rules, cal, now);
        kinds[then.due.length ? 'fresh' : first.due.length ? 'carded' : 'quiet'].push(d);
      }
      const plan = [
        ...Array.from({ length: NEW_CARDS }, () => 'fresh' as const),
        ...Array.from({ length: carded }, () => 'carded' as const),
        ...Array.from({ length: OPEN - NEW_CARDS - carded }, () => 'quiet' as const),
      ];
      const items: Array<Record<string, unknown>> = [];
      let cardsBefore = 0;
      plan.forEach((kind, i) => {
        const c = caseOn(i + 1, kinds[kind][i % kinds[kind].length]!);
        const fresh = {
          caseId: c.id,
          case: snapshotOf(c),
          caseVersion: c.version,
          rev: 0,
          given: {},
          counted: {},
          level: 'none' as const,
          lookAt: c.acceptedAt,
        };
        const s = watchSettlement(fresh, rules, cal, before);
        const w = { ...fresh, rev: 1, given: s.watch!.given, counted: s.watch!.counted, level: s.watch!.level, lookAt: s.watch!.lookAt };
        cardsBefore += s.alerts.length;
        items.push(
          caseItem(c),
          { ...supervisionKeys.watch(c.id), ...(w.lookAt ? supervisionKeys.lookAt(c.id, w.lookAt) : {}), ...w },
          ...s.alerts.map((a) => alertItem(a)),
        );
      });
      const TableName = tableName('cases');
      for (let i = 0; i < items.length; i += 25) {
        let left: unknown[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        while (left?.length)
          left = (await dynamo().send(new BatchWriteCommand({ RequestItems: { [TableName]: left as never } }))).UnprocessedItems?.[TableName];
      }

      meter.read = 0;
      meter.write = 0;
      meter.on = true;
      const r = await scanOverdue({ ...ports, clock: () => new Date(now) }, rules);
      meter.on = false;
      if (r.yellow + r.red !== NEW_CARDS) throw new Error(`expected ${NEW_CARDS} new cards, the scan gave ${r.yellow + r.red}`);
      return { result: r, read: meter.read, write: meter.write, cardsBefore };
    };

    const none = await scenario(0);
    const some = await scenario(CARDED);
    const row = (label: string, s: typeof none) => {
      figures.push({
        name: `scan, ${NEW_CARDS} new cards among ${OPEN} open, ${label}: read capacity (all calls)`,
        value: s.read,
        unit: 'RCU',
        target: 'equal in both',
      });
      figures.push({ name: `  of which the look-at index (S2, 4 shards)`, value: s.result.consumedRcu, unit: `RCU (${s.result.looked} watches read)` });
      figures.push({ name: `  write capacity (settlements, outbox relay)`, value: s.write, unit: 'WCU' });
    };
    row('none carded', none);
    row(`${CARDED} already carded (${some.cardsBefore} cards)`, some);
    return figures;
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSupervision());
  process.exit(0);
}
