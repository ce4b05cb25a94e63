import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { SCHEDULES, type ScheduleDef } from '../shared/platform/schedules.ts';
import { parseSchedule } from './schedule-expr.ts';
import { loadHandler } from './modules.ts';
import { lambdaContext } from './lambda-context.ts';

/** The EventBridge "Scheduled Event" a rule delivers to its target. */
export const scheduledEvent = (def: ScheduleDef, region: string, at = new Date()): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region,
  resources: [`arn:aws:events:${region}:000000000000:rule/${def.id}`],
  detail: {},
});

export const invokeSchedule = async (def: ScheduleDef, region: string): Promise<unknown> => {
  const handler = await loadHandler('schedules', def.id);
  return handler(scheduledEvent(def, region), lambdaContext(def.id, 300_000));
};

/** Fires each scheduled handler on its rate or cron, from the same definitions as the stack. */
export const startScheduler = (opts: { region: string; log: (line: string) => void; schedules?: readonly ScheduleDef[] }) => {
  const timers: NodeJS.Timeout[] = [];
  const fire = (def: ScheduleDef) =>
    void invokeSchedule(def, opts.region).then(
      () => opts.log(`schedule ${def.id} ran`),
      (e: unknown) => opts.log(`schedule ${def.id} failed: ${(e as Error).message}`),
    );
  const crons: Array<{ def: ScheduleDef; matches: (d: Date) => boolean }> = [];
  for (const def of opts.schedules ?? SCHEDULES) {
    const s = parseSchedule(def.expression);
    if (s.kind === 'rate') timers.push(setInterval(() => fire(def), s.everyMs));
    else crons.push({ def, matches: s.matches });
  }
  if (crons.length) {
    // check once per minute, aligned to the minute like EventBridge
    const tick = () => {
      const now = new Date();
      for (const c of crons) if (c.matches(now)) fire(c.def);
    };
    const align = setTimeout(
      () => {
        tick();
        const every = setInterval(tick, 60_000);
        every.unref();
        timers.push(every);
      },
      60_000 - (Date.now() % 60_000),
    );
    timers.push(align);
  }
  for (const t of timers) t.unref();
  return { stop: () => timers.forEach((t) => clearTimeout(t)) };
};
