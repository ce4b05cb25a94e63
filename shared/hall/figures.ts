import { writeXlsx, type CellValue } from '../sheets/xlsx.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { HallPorts } from './ports.ts';
import { monthOf } from './times.ts';
import type { TimesRow } from './responses.ts';

/**
 * 大厅等候与办理时长: average waiting time (issued → called) and service time (called → finished)
 * of a month per office, queue and window, from the hall's counters (no scan). Supervisors see every
 * office of the county, a center's head their own.
 */
export type { TimesRow } from './responses.ts';

const minutes = (ms: number, n: number): number | null => (n ? Math.round(ms / n / 600) / 100 : null);

export const hallTimes = async (
  ports: Pick<HallPorts, 'hall' | 'clock' | 'settings'>,
  p: Principal,
  month?: string,
): Promise<{ month: string; rows: TimesRow[] }> => {
  const m = month ?? monthOf(ports.clock().toISOString());
  const offices = ports.settings.offices.filter((o) => hasScope(p, 'supervision.read:county') || o.officeId === p.officeId);
  const rows = await Promise.all(
    offices.map(async (o) => {
      const times = await ports.hall.times(o.officeId, m);
      const label = (dim: string) =>
        dim === 'all'
          ? '全中心'
          : dim.startsWith('q')
            ? `${dim.slice(1)} ${o.queues.find((q) => q.code === dim.slice(1))?.name ?? ''}`.trim()
            : `${dim.slice(1)} 号窗口`;
      const dims = ['all', ...o.queues.map((q) => `q${q.code}`), ...o.windows.map((w) => `w${w.no}`)];
      return dims.map((dim): TimesRow => {
        const t = times[dim] ?? { waitMs: 0, waited: 0, serviceMs: 0, served: 0 };
        return {
          officeId: o.officeId,
          officeName: o.name ?? o.officeId,
          dim,
          label: label(dim),
          waited: t.waited,
          avgWaitMin: minutes(t.waitMs, t.waited),
          served: t.served,
          avgServiceMin: minutes(t.serviceMs, t.served),
        };
      });
    }),
  );
  return { month: m, rows: rows.flat() };
};

/** The same figures as a workbook (the in-house writer of the other exports). */
export const hallTimesWorkbook = async (r: { month: string; rows: TimesRow[] }): Promise<Uint8Array> =>
  writeXlsx([
    {
      name: '等候与办理时长',
      rows: [
        ['月份', '中心', '范围', '叫号数', '平均等候(分钟)', '办结数', '平均办理(分钟)'],
        ...r.rows.map((x): CellValue[] => [r.month, x.officeName, x.label, x.waited, x.avgWaitMin ?? '', x.served, x.avgServiceMin ?? '']),
      ],
      widths: [10, 24, 16, 10, 16, 10, 16],
    },
  ]);
