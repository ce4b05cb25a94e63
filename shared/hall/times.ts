import { bjMonth } from '../platform/beijing-time.ts';
import type { HallTimes } from './ports.ts';
import type { Ticket } from './model.ts';

/**
 * Waiting time (issued → first called) and service time (called → finished) of a month, summed per
 * office (`all`), queue (`q<code>`) and window (`w<no>`) in one item of flat attributes
 * (`<dim>_wms`, `<dim>_wn`, `<dim>_sms`, `<dim>_sn`), so a call adds to it with one ADD.
 */
export const dimsOf = (t: Pick<Ticket, 'queue'>, window: string): string[] => ['all', `q${t.queue}`, `w${window}`];

export const waitAdds = (t: Ticket, window: string, at: string): Record<string, number> => {
  const ms = Math.max(0, Date.parse(at) - Date.parse(t.issuedAt));
  return Object.fromEntries(
    dimsOf(t, window).flatMap((d) => [
      [`${d}_wms`, ms],
      [`${d}_wn`, 1],
    ]),
  );
};

export const serviceAdds = (t: Ticket, window: string, at: string): Record<string, number> => {
  const ms = Math.max(0, Date.parse(at) - Date.parse(t.calledAt ?? at));
  return Object.fromEntries(
    dimsOf(t, window).flatMap((d) => [
      [`${d}_sms`, ms],
      [`${d}_sn`, 1],
    ]),
  );
};

/** The stored attributes back to sums per dimension. */
export const timesFrom = (attrs: Record<string, unknown>): HallTimes => {
  const out: HallTimes = {};
  for (const [k, v] of Object.entries(attrs)) {
    const m = /^(all|q[A-Z]|w\d{1,3})_(wms|wn|sms|sn)$/.exec(k);
    if (!m || typeof v !== 'number') continue;
    const row = (out[m[1]!] ??= { waitMs: 0, waited: 0, serviceMs: 0, served: 0 });
    if (m[2] === 'wms') row.waitMs = v;
    else if (m[2] === 'wn') row.waited = v;
    else if (m[2] === 'sms') row.serviceMs = v;
    else row.served = v;
  }
  return out;
};

export const monthOf = (iso: string): string => bjMonth(new Date(iso));
