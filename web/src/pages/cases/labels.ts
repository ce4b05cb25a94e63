export { KIND_LABELS } from '@shared/catalog/item-labels.ts';
import { EVENT_LABELS } from '@shared/cases/event-labels.ts';

/** A timeline line's label; a hop between offices names both (灵山镇 → 县民政局). */
export const eventLabel = (e: { type: string; fromOfficeId?: string; toOfficeId?: string }, names: Readonly<Record<string, string>> = {}): string => {
  const label = EVENT_LABELS[e.type] ?? e.type;
  if (!e.fromOfficeId || !e.toOfficeId) return label;
  return `${label}（${names[e.fromOfficeId] ?? e.fromOfficeId} → ${names[e.toOfficeId] ?? e.toOfficeId}）`;
};
