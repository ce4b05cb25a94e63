// the labels without the schemas: no zod in a citizen's first load
import { KIND_LABELS, LEVEL_LABELS, type ItemKind, type Level } from '@shared/catalog/item-labels.ts';

export { KIND_LABELS, LEVEL_LABELS };

export const KIND_COLORS: Record<ItemKind, 'green' | 'blue' | 'purple' | 'orange'> = {
  immediate: 'green',
  promised: 'blue',
  joint: 'purple',
  escalated: 'orange',
};

/** 即办件 / 承诺 10 个工作日 — what a citizen wants to know first. */
export const limitText = (kind: ItemKind, promisedDays?: number): string =>
  kind === 'immediate' ? '当场办结' : promisedDays ? `承诺 ${promisedDays} 个工作日` : '';

export const levelsText = (levels: readonly Level[]): string => levels.map((l) => LEVEL_LABELS[l]).join('、');
