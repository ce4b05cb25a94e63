import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear } from '@shared/calendar/year.ts';
import type { CalendarYearAnswer, CalendarYearSaved } from '@shared/calendar/responses.ts';
import { api } from '../../shell/api.ts';

/** GET /api/calendar/years/{year}: the published shape (shared/calendar/responses.ts). */
export type { CalendarYear, CalendarYearAnswer };

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
};

export const useCalendarYear = (year: number, opts: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api<CalendarYearAnswer>(`/api/calendar/years/${year}`, { signal }),
    enabled: opts.enabled ?? true,
  });

/** Saves a year; the 工作台's “not entered yet” warning reads the same query. */
export const useSaveCalendarYear = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (y: CalendarYear) => api<CalendarYearSaved>(`/api/calendar/years/${y.year}`, { method: 'PUT', json: y }),
    onSuccess: (r) => {
      client.setQueryData<CalendarYearAnswer>(calendarKeys.year(r.year.year), { year: r.year, missing: false });
      return client.invalidateQueries({ queryKey: calendarKeys.all });
    },
    // the form shows field errors
    meta: { handlesError: true },
  });
};
