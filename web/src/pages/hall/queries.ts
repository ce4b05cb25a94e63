import { useQuery } from '@tanstack/react-query';
import { api } from '../../shell/api.ts';
import type { TimesRow } from '@shared/hall/figures.ts';

export const hallKeys = { times: (month: string) => ['hall', 'times', { month }] as const };

/** The hall's waiting and service minutes of a month ('' = this month). */
export const useHallTimes = (month: string) =>
  useQuery({
    queryKey: hallKeys.times(month),
    queryFn: ({ signal }) => api<{ month: string; rows: TimesRow[] }>(`/api/hall/times${month ? `?month=${encodeURIComponent(month)}` : ''}`, { signal }),
  });
