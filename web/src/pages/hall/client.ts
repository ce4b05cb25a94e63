import { bjDay, bjHourMinute } from '@shared/platform/beijing-time.ts';
import { api } from '../../shell/api.ts';
import type * as z from 'zod';
import type {
  appointmentResponse,
  appointmentsResponse,
  hallListResponse,
  hallOfficeResponse,
  screenResponse,
  seatResponse,
  slotsResponse,
  ticketIssuedResponse,
  ticketResponse,
  windowStateResponse,
} from '@shared/hall/responses.ts';

/** The hall's API as the pages call it: the published response shapes (shared/hall/responses.ts; type-only, no zod in these chunks). */
export type { HallInfo, TicketView, WindowState } from '@shared/hall/responses.ts';

const post = <T>(path: string, json?: unknown) => api<T>(path, { method: 'POST', ...(json === undefined ? {} : { json }) });

export const hallClient = {
  halls: () => api<z.infer<typeof hallListResponse>>('/api/public/halls'),
  hall: (officeId: string) => api<z.infer<typeof hallOfficeResponse>>(`/api/public/offices/${encodeURIComponent(officeId)}/hall`),
  slots: (officeId: string, from: string, days: number, group: string) =>
    api<z.infer<typeof slotsResponse>>(`/api/public/offices/${encodeURIComponent(officeId)}/slots?from=${from}&days=${days}&group=${group}`),
  book: (body: { officeId: string; slotId: string; itemCode: string; name: string; phone: string }) =>
    post<z.infer<typeof appointmentResponse>>('/api/public/appointments', body),
  cancel: (code: string, phone: string) => post<z.infer<typeof appointmentResponse>>(`/api/public/appointments/${encodeURIComponent(code)}/cancel`, { phone }),
  ticket: (officeId: string, body: { queue: string } | { appointmentCode: string }) =>
    post<z.infer<typeof ticketIssuedResponse>>(`/api/public/offices/${encodeURIComponent(officeId)}/tickets`, body),
  screen: (officeId: string, signal?: AbortSignal) =>
    api<z.infer<typeof screenResponse>>(`/api/public/offices/${encodeURIComponent(officeId)}/screen`, signal ? { signal } : {}),
  me: () => api<z.infer<typeof windowStateResponse>>('/api/windows/me'),
  seat: (window: string) => api<z.infer<typeof seatResponse>>('/api/windows/seat', { method: 'PUT', json: { window } }),
  /** 叫号: the ticket, or null when nobody waits (204). */
  call: async (window?: string) => (await post<Partial<z.infer<typeof ticketResponse>>>('/api/windows/call', window ? { window } : {})).ticket ?? null,
  recall: () => post<z.infer<typeof ticketResponse>>('/api/windows/recall'),
  miss: () => post<z.infer<typeof ticketResponse>>('/api/windows/miss'),
  finish: () => post<z.infer<typeof ticketResponse>>('/api/windows/finish'),
  transfer: (window: string) => post<z.infer<typeof ticketResponse>>('/api/windows/transfer', { window }),
  linkCase: (ticketId: string, caseId: string) =>
    post<z.infer<typeof ticketResponse>>(`/api/windows/tickets/${encodeURIComponent(ticketId)}/cases`, { caseId }),
  appointments: (date?: string) => api<z.infer<typeof appointmentsResponse>>(`/api/hall/appointments${date ? `?date=${date}` : ''}`),
};

/** Today on Beijing's calendar; 09:30 of an instant on Beijing's clock (the one Beijing-time module). */
export const bjToday = (): string => bjDay(new Date());
export { bjHourMinute as bjTime };
