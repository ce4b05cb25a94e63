/** Every date and time a person sees is Beijing time (UTC+8), whatever the device's zone. */
export const beijing = (iso?: string): string => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16) : '—');
export const beijingDate = (iso?: string): string => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '—');
export const cnDate = (d?: string): string => (d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '');
