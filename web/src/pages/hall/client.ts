import { bjDay, bjHourMinute } from '@shared/platform/beijing-time.ts';
import { api } from '../../shell/api.ts';
import type { Appointment, ScreenCall, Slot, Ticket } from '@shared/hall/model.ts';

/** The hall's API as the pages call it (types from shared/hall/model.ts: no zod in these chunks). */
export interface HallInfo {
  officeId: string;
  name: string;
  groups: Array<{ id: string; name: string; capacity: number; items: string[] }>;
  queues: Array<{ code: string; name: string }>;
  windows: string[];
  bookingDays: number;
  latestCancelMinutes: number;
}
export interface TicketView {
  id: string;
  number: string;
  queue: string;
  queueName: string;
  ahead: number;
  issuedAt: string;
}
export interface WindowState {
  hall: { officeId: string; queues: Array<{ code: string; name: string }>; windows: Array<{ no: string; queues: string[] }> } | null;
  seat: { window: string } | null;
  current: Ticket | null;
  waiting: Record<string, number>;
}

const post = <T>(path: string, json?: unknown) => api<T>(path, { method: 'POST', ...(json === undefined ? {} : { json }) });

export const hallClient = {
  halls: () => api<{ halls: Array<{ officeId: string; name: string }> }>('/api/public/halls'),
  hall: (officeId: string) => api<{ hall: HallInfo }>(`/api/public/offices/${encodeURIComponent(officeId)}/hall`),
  slots: (officeId: string, from: string, days: number, group: string) =>
    api<{ days: Array<{ date: string; slots: Slot[] }> }>(`/api/public/offices/${encodeURIComponent(officeId)}/slots?from=${from}&days=${days}&group=${group}`),
  book: (body: { officeId: string; slotId: string; itemCode: string; name: string; phone: string }) =>
    post<{ appointment: Appointment }>('/api/public/appointments', body),
  cancel: (code: string, phone: string) => post<{ appointment: Appointment }>(`/api/public/appointments/${encodeURIComponent(code)}/cancel`, { phone }),
  ticket: (officeId: string, body: { queue: string } | { appointmentCode: string }) =>
    post<{ ticket: TicketView }>(`/api/public/offices/${encodeURIComponent(officeId)}/tickets`, body),
  screen: (officeId: string, signal?: AbortSignal) =>
    api<{ calls: ScreenCall[]; now: string }>(`/api/public/offices/${encodeURIComponent(officeId)}/screen`, signal ? { signal } : {}),
  me: () => api<WindowState>('/api/windows/me'),
  seat: (window: string) => api<{ seat: { window: string } }>('/api/windows/seat', { method: 'PUT', json: { window } }),
  /** 叫号: the ticket, or null when nobody waits (204). */
  call: async (window?: string) => (await post<{ ticket?: Ticket }>('/api/windows/call', window ? { window } : {})).ticket ?? null,
  recall: () => post<{ ticket: Ticket }>('/api/windows/recall'),
  miss: () => post<{ ticket: Ticket }>('/api/windows/miss'),
  finish: () => post<{ ticket: Ticket }>('/api/windows/finish'),
  transfer: (window: string) => post<{ ticket: Ticket }>('/api/windows/transfer', { window }),
  linkCase: (ticketId: string, caseId: string) => post<{ ticket: Ticket }>(`/api/windows/tickets/${encodeURIComponent(ticketId)}/cases`, { caseId }),
  appointments: (date?: string) => api<{ appointments: Appointment[] }>(`/api/hall/appointments${date ? `?date=${date}` : ''}`),
};

/** Today on Beijing's calendar; 09:30 of an instant on Beijing's clock (the one Beijing-time module). */
export const bjToday = (): string => bjDay(new Date());
export { bjHourMinute as bjTime };
