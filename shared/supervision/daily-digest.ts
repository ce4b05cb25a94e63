import { addDays, chinaDate } from '../calendar/working-days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Notifier } from './notifier.ts';
import type { DayFigures, SupervisionStore } from './store.ts';

export interface DigestPorts {
  store: Pick<SupervisionStore, 'countyDay'>;
  notifier: Notifier;
  clock: Clock;
}

export interface Digest extends DayFigures {
  /** The China day reported, `YYYYMMDD`. */
  day: string;
}

/** The county's figures of yesterday (China time), from the incrementally kept daily counters (no scan). */
export const dailyDigest = async (ports: DigestPorts): Promise<Digest> => {
  const yesterday = addDays(chinaDate(ports.clock()), -1);
  const figures: Digest = { day: yesterday.replaceAll('-', ''), ...(await ports.store.countyDay(yesterday)) };
  await ports.notifier.publish({
    subject: `便民服务日报 ${figures.day}`,
    message: `受理 ${figures.taken} 件；按时办结 ${figures.decidedOnTime} 件；超期办结 ${figures.decidedLate} 件；即办件当日办结 ${figures.immediateSameDay} 件。`,
  });
  return figures;
};
