/**
 * The item's enumerations and their Chinese labels, with no zod: the web's public pages import
 * these without pulling the schemas (and zod) into a citizen's first load.
 * item.ts re-exports them.
 */
export const ITEM_KINDS = ['immediate', 'promised', 'joint', 'escalated'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const KIND_LABELS: Record<ItemKind, string> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export const LEVELS = ['county', 'township', 'village'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { county: '县级', township: '乡级', village: '村级' };

export const MATERIAL_FORMS = ['original', 'copy', 'original-and-copy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件和复印件',
  electronic: '电子材料',
};

/** 网办深度: how far the item can be done online. */
export const ONLINE_LEVELS = ['none', 'consult', 'apply', 'full'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export const ONLINE_LABELS: Record<OnlineLevel, string> = {
  none: '不能网办',
  consult: '网上咨询',
  apply: '网上申报',
  full: '全程网办',
};

/** How the item is handled at this office: decided here, delegated (下放) from the county, or 综合受理 and forwarded. */
export const HANDLING_MODES = ['local', 'delegated', 'forwarded'] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];
export const HANDLING_LABELS: Record<HandlingMode, string> = {
  local: '本级办理',
  delegated: '县级下放',
  forwarded: '受理转报',
};
