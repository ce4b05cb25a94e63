import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../log/logger.ts';
import { SCHEDULES } from '../platform/schedules.ts';
import { systemClock, type Clock } from '../platform/clock.ts';

/**
 * The one factory for scheduled handlers (EventBridge rules, the local scheduler, `npm run
 * invoke`). The use case gets a clock: the system's, or — when the event's `detail.now` names an
 * instant — one that runs from that instant, so a schedule can be run "as if at" another time
 * (time travel in the local platform; an operator's re-run of a missed day in AWS).
 */
export interface ScheduleContext {
  name: string;
  /** The instant the run acts at (the override, or the time it started). */
  now: Date;
  clock: Clock;
  /** Set when the event asked for another time. */
  asIf?: string;
  lambda: Context;
}

/** A scheduled event, or a hand-made one with only `detail.now` (both are accepted). */
export type ScheduleEvent = Partial<ScheduledEvent> & { detail?: { now?: unknown } };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The `detail.now` override as an instant; throws (the run fails loudly) when it is not one. */
export const nowOverride = (event: ScheduleEvent | undefined): Date | undefined => {
  const raw = event?.detail?.now;
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !ISO_INSTANT.test(raw) || Number.isNaN(Date.parse(raw)))
    throw new Error(`detail.now must be an ISO instant with a zone, e.g. 2026-12-01T02:00:00Z (got ${JSON.stringify(raw)})`);
  return new Date(raw);
};

export const scheduleHandler = <R>(name: string, fn: (event: ScheduleEvent, ctx: ScheduleContext) => Promise<R>) => {
  if (!SCHEDULES.some((s) => s.id === name)) throw new Error(`unknown schedule ${name}: add it to shared/platform/schedules.ts`);
  const run = async (event: ScheduleEvent, lambda: Context): Promise<R> => {
    logger.appendKeys({ schedule: name });
    try {
      const asIf = nowOverride(event);
      // the override moves the clock, it does not stop it: times within the run still advance
      const offset = asIf ? asIf.getTime() - Date.now() : 0;
      const clock: Clock = asIf ? () => new Date(Date.now() + offset) : systemClock;
      if (asIf) logger.warn('schedule runs as if at another time', { asIf: asIf.toISOString() });
      const now = clock();
      const result = await fn(event ?? {}, { name, now, clock, lambda, ...(asIf ? { asIf: asIf.toISOString() } : {}) });
      logger.info('schedule ran', { result: result as unknown as Record<string, unknown> });
      return result;
    } catch (error) {
      logger.error('schedule failed', { error: error as Error });
      throw error;
    } finally {
      logger.removeKeys(['schedule']);
    }
  };
  return middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
};
