import { api } from '../shell/api.ts';

/**
 * The guides an agent may take in at a village station, kept on the phone (public data only, no one's
 * personal data): with no signal the 代办登记 form still finds the item and its materials, and the
 * outbox records the guide version it was filled against.
 */
export interface SnapshotGuide {
  code: string;
  name: string;
  version: number;
  materials: Array<{ name: string; required: boolean }>;
  intakeAt?: string[];
}

const KEY = 'bianmin.agentCatalog';
const FRESH_MS = 6 * 3600_000;
/** At most this many guides are kept (a county's village-level list is far shorter). */
const MAX_GUIDES = 80;

export const readSnapshot = (): SnapshotGuide[] => {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? 'null') as { guides: SnapshotGuide[] } | null)?.guides ?? [];
  } catch {
    return [];
  }
};

/** Refreshes the snapshot when it is older than a few hours (called online, in the background). */
export const refreshSnapshot = async (force = false): Promise<void> => {
  const at = (JSON.parse(localStorage.getItem(KEY) ?? 'null') as { at?: number } | null)?.at ?? 0;
  if (!force && Date.now() - at < FRESH_MS) return;
  const list = await api<{ items: Array<{ code: string; levels?: string[] }> }>('/api/items?limit=500');
  const village = list.items.filter((i) => i.levels?.includes('village'));
  const guides: SnapshotGuide[] = [];
  for (const { code } of (village.length ? village : list.items).slice(0, MAX_GUIDES)) {
    const g = await api<{ item: { code: string; name: string; materials: SnapshotGuide['materials']; intakeAt?: string[] }; version: number }>(
      `/api/items/${encodeURIComponent(code)}`,
    );
    guides.push({
      code,
      name: g.item.name,
      version: g.version,
      materials: g.item.materials.map((m) => ({ name: m.name, required: m.required })),
      ...(g.item.intakeAt ? { intakeAt: g.item.intakeAt } : {}),
    });
  }
  localStorage.setItem(KEY, JSON.stringify({ at: Date.now(), guides }));
};

/** Every character of the query in the name, in order: 低保 finds 城乡最低生活保障对象认定 (the server's search is richer). */
const inOrder = (name: string, q: string): boolean => {
  let i = 0;
  for (const ch of name) if (ch === q[i]) i++;
  return i === q.length;
};

export const searchSnapshot = (q: string): Array<{ code: string; name: string }> => {
  const t = [...q.trim().toLowerCase()].join('');
  if (!t) return [];
  return readSnapshot()
    .filter((g) => inOrder(g.name.toLowerCase(), t) || g.code.toLowerCase().includes(t))
    .slice(0, 20);
};

export const snapshotGuide = (code: string): SnapshotGuide | undefined => readSnapshot().find((g) => g.code === code);
