import { useQuery } from '@tanstack/react-query';
import { api } from '../../shell/api.ts';
import type * as z from 'zod';
import type { hallTimesResponse } from '@shared/hall/responses.ts';
import { bjToday, hallClient } from './client.ts';

/** Every key holds every parameter (one key, one shape). */
export const hallKeys = {
  times: (month: string) => ['hall', 'times', { month }] as const,
  halls: ['hall', 'halls'] as const,
  hall: (officeId: string) => ['hall', 'office', officeId] as const,
  allSlots: ['hall', 'slots'] as const,
  slots: (officeId: string, from: string, days: number, group: string) => ['hall', 'slots', { officeId, from, days, group }] as const,
  window: ['hall', 'window'] as const,
  allAppointments: ['hall', 'appointments'] as const,
  appointments: (date: string) => ['hall', 'appointments', { date }] as const,
};

/** The hall's waiting and service minutes of a month ('' = this month). */
export const useHallTimes = (month: string) =>
  useQuery({
    queryKey: hallKeys.times(month),
    queryFn: ({ signal }) => api<z.infer<typeof hallTimesResponse>>(`/api/hall/times${month ? `?month=${encodeURIComponent(month)}` : ''}`, { signal }),
  });

/** The centers that take bookings (public). */
export const useHalls = () => useQuery({ queryKey: hallKeys.halls, queryFn: () => hallClient.halls() });

/** One center's hall: groups, queues, windows (public: the booking page, the kiosk, the screen). */
export const useHall = (officeId: string | undefined) =>
  useQuery({ queryKey: hallKeys.hall(officeId ?? ''), queryFn: () => hallClient.hall(officeId!), enabled: Boolean(officeId) });

/** The booking slots of the next `days` from today for one item group. */
export const BOOKING_SCAN_DAYS = 14;
export const useSlots = (officeId: string | undefined, group: string | undefined) => {
  const from = bjToday();
  return useQuery({
    queryKey: hallKeys.slots(officeId ?? '', from, BOOKING_SCAN_DAYS, group ?? ''),
    queryFn: () => hallClient.slots(officeId!, from, BOOKING_SCAN_DAYS, group!),
    enabled: Boolean(officeId && group),
  });
};

/** The clerk's window: seat, current ticket, who waits. */
export const useWindowState = () => useQuery({ queryKey: hallKeys.window, queryFn: () => hallClient.me() });

/** Today's appointments at the clerk's center. */
export const useHallAppointments = (date = '') =>
  useQuery({ queryKey: hallKeys.appointments(date), queryFn: () => hallClient.appointments(date || undefined) });
