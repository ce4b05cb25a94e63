import { MATERIAL_FORM_LABELS, materialSchema, parseItem, type FieldIssue, type Item, type Material } from './item.ts';
import type { Sheet, SheetSpec } from '../sheets/xlsx.ts';
import { FORM_BY_LABEL, HELP_SHEET, ITEM_COLUMNS, ITEMS_SHEET, MATERIAL_COLUMNS, MATERIALS_SHEET, NO, YES, type Column } from './workbook-columns.ts';

/**
 * The county's workbook as sheets (export) and read back into item drafts (import), with the
 * columns of workbook-columns.ts. Browser-safe (no Node APIs): the import page validates a file
 * locally before uploading it.
 */

export const helpSheet = (): SheetSpec => ({
  name: HELP_SHEET,
  widths: [10, 16, 70],
  rows: [
    ['工作表', '列', '填写说明'],
    ...ITEM_COLUMNS.map((c) => [ITEMS_SHEET, c.header, c.help]),
    ...MATERIAL_COLUMNS.map((c) => [MATERIALS_SHEET, c.header, c.help]),
    ['', '', ''],
    ['规则', '', '一行一个事项；事项编码已存在的为修改（生成新版本），不存在的为新增。'],
    ['规则', '', '多值单元格（依据、条件、流程、特别程序、常见问题）每项占一行（单元格内换行 Alt+Enter）。'],
    ['规则', '', '“材料”表每行一个材料，按事项编码归属；工作簿中没有“材料”表时，已有事项的材料保持不变。'],
    ['规则', '', '先“试导入”：逐行报告 新增 / 修改 / 无变化 / 错误（含行号和原因）；严格模式下只要有一行错误就不写入任何数据。'],
    ['规则', '', '也可导入 CSV（UTF-8 或 GBK 编码），列与“事项”表相同，但不含材料。'],
  ],
});

export const catalogWorkbook = (items: readonly Item[]): SheetSpec[] => [
  {
    name: ITEMS_SHEET,
    widths: ITEM_COLUMNS.map((c) => c.width),
    rows: [ITEM_COLUMNS.map((c) => c.header), ...items.map((i) => ITEM_COLUMNS.map((c) => c.get(i)))],
  },
  {
    name: MATERIALS_SHEET,
    widths: MATERIAL_COLUMNS.map((c) => c.width),
    rows: [MATERIAL_COLUMNS.map((c) => c.header), ...items.flatMap((i) => i.materials.map((m) => MATERIAL_COLUMNS.map((c) => c.get(m, i.code))))],
  },
  helpSheet(),
];

// ---------- import ----------

export interface ParsedRow {
  sheet: string;
  row: number;
  code?: string;
  name?: string;
  /** Present when the row's cells could be read into an item (not yet merged or checked against rules). */
  draft?: Record<string, unknown>;
  issues: string[];
}

export interface ParsedWorkbook {
  items: ParsedRow[];
  /** Materials by item code; errors of material rows are reported by their own row. */
  materials: Map<string, Material[]>;
  materialRows: ParsedRow[];
  hasMaterialsSheet: boolean;
  /** Headers that are not ours (ignored). */
  unknownHeaders: string[];
}

export class WorkbookError extends Error {}

const normHeader = (h: string): string =>
  h
    .replace(/[\s*＊]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .trim();

const findSheet = (sheets: Sheet[], name: string): Sheet | undefined => sheets.find((s) => s.name.trim() === name);

/** Reads the workbook's rows into item drafts (cell-level problems only; item rules come later). */
export const parseWorkbook = (sheets: Sheet[]): ParsedWorkbook => {
  const itemsSheet = findSheet(sheets, ITEMS_SHEET) ?? sheets.find((s) => s.name !== MATERIALS_SHEET && s.name !== HELP_SHEET);
  if (!itemsSheet) throw new WorkbookError('工作簿中没有“事项”工作表');
  const headerRow = itemsSheet.rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!headerRow) throw new WorkbookError(`“${itemsSheet.name}”工作表是空的`);
  const headers = headerRow.cells.map(normHeader);
  const colOf = new Map<Column, number>();
  const unknownHeaders: string[] = [];
  headers.forEach((h, i) => {
    const col = ITEM_COLUMNS.find((c) => c.header === h);
    if (col) colOf.set(col, i);
    else if (h) unknownHeaders.push(h);
  });
  const missing = ITEM_COLUMNS.filter((c) => c.required && !colOf.has(c)).map((c) => c.header);
  if (missing.length) throw new WorkbookError(`“${itemsSheet.name}”工作表第 ${headerRow.row} 行缺少必需的列：${missing.join('、')}`);

  const items: ParsedRow[] = [];
  for (const r of itemsSheet.rows) {
    if (r.row <= headerRow.row || r.cells.every((c) => c.trim() === '')) continue;
    const draft: Record<string, unknown> = {};
    const issues: string[] = [];
    // order matters for pairs (收费标准/收费依据, 办理方式/下放或转报机关): apply in column-list order
    for (const col of ITEM_COLUMNS) {
      const i = colOf.get(col);
      if (i === undefined) continue;
      const problem = col.set(draft, r.cells[i] ?? '');
      if (problem) issues.push(problem);
    }
    // a fee with only a basis, or a handling with only an office, had no 收费标准 / 办理方式
    if (draft.fee && (draft.fee as { charged?: boolean }).charged === undefined) draft.fee = undefined;
    if (draft.handling && !(draft.handling as { mode?: string }).mode) draft.handling = { mode: 'local' };
    items.push({ sheet: itemsSheet.name, row: r.row, code: draft.code as string, name: draft.name as string, draft, issues });
  }

  const materials = new Map<string, Material[]>();
  const materialRows: ParsedRow[] = [];
  const ms = findSheet(sheets, MATERIALS_SHEET);
  if (ms) {
    const mh = ms.rows.find((r) => r.cells.some((c) => c.trim() !== ''));
    const idx = new Map((mh?.cells ?? []).map((h, i) => [normHeader(h), i]));
    const cell = (r: { cells: string[] }, h: string) => {
      const i = idx.get(h);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    for (const r of ms.rows) {
      if (!mh || r.row <= mh.row || r.cells.every((c) => c.trim() === '')) continue;
      const code = cell(r, '事项编码').toUpperCase();
      const issues: string[] = [];
      const formLabel = cell(r, '材料形式') || '原件';
      const form = FORM_BY_LABEL.get(formLabel);
      if (!form) issues.push(`“材料形式”只能是 ${Object.values(MATERIAL_FORM_LABELS).join('、')}，现在是“${formLabel}”`);
      const copiesText = cell(r, '份数') || '1';
      const copies = Number(copiesText.replace(/份$/, ''));
      const req = cell(r, '是否必需').toUpperCase();
      if (!YES.has(req) && !NO.has(req)) issues.push(`“是否必需”只能填 是 或 否，现在是“${cell(r, '是否必需')}”`);
      if (!code) issues.push('缺少“事项编码”');
      const candidate = {
        name: cell(r, '材料名称'),
        form: form ?? 'original',
        copies,
        source: cell(r, '来源渠道') || undefined,
        required: req === '' ? true : YES.has(req),
        blankFormUrl: cell(r, '空白表格') || undefined,
        sampleUrl: cell(r, '示例样表') || undefined,
        notes: cell(r, '备注') || undefined,
      };
      const parsed = materialSchema.safeParse(candidate);
      if (!parsed.success) issues.push(...parsed.error.issues.map((i) => i.message));
      materialRows.push({ sheet: ms.name, row: r.row, code, name: candidate.name, issues });
      if (!issues.length && parsed.success) {
        const list = materials.get(code) ?? [];
        const m = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as unknown as Material;
        list.push(m);
        materials.set(code, list);
      }
    }
  }
  return { items, materials, materialRows, hasMaterialsSheet: !!ms, unknownHeaders };
};

/** Turns a parsed row into an item: missing columns keep the existing item's values; then shape and rules. */
export const rowToItem = (
  row: ParsedRow,
  wb: Pick<ParsedWorkbook, 'materials' | 'hasMaterialsSheet'>,
  existing: Item | undefined,
): { item?: Item; issues: FieldIssue[] } => {
  const base: Record<string, unknown> = existing
    ? { ...existing }
    : {
        basis: [],
        conditions: [],
        materials: [],
        steps: [],
        specialProcedures: [],
        faq: [],
        keywords: [],
        visits: 1,
        online: 'none',
        handling: { mode: 'local' },
        resultPublished: true,
      };
  const merged: Record<string, unknown> = { ...base, ...row.draft };
  const code = (merged.code as string | undefined) ?? '';
  if (wb.hasMaterialsSheet) merged.materials = wb.materials.get(code) ?? [];
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const r = parseItem(merged);
  return r.ok ? { item: r.item, issues: [] } : { issues: r.issues };
};

/** A field path → the column a person looks for (for row messages). */
export const columnOfPath = (path: string): string | undefined => {
  const field = path.split('.')[0];
  const map: Record<string, string> = {
    code: '事项编码',
    name: '事项名称',
    category: '事项类别',
    kind: '办件类型',
    levels: '行使层级',
    office: '实施机关',
    officeId: '实施机关编号',
    statutoryDays: '法定时限',
    promisedDays: '承诺时限',
    fee: '收费标准',
    basis: '设定和实施依据',
    conditions: '受理条件',
    steps: '办理流程',
    specialProcedures: '特别程序',
    place: '办理地点',
    hours: '办理时间',
    consultPhone: '咨询电话',
    complaintPhone: '投诉电话',
    visits: '到现场次数',
    online: '网办程度',
    handling: '办理方式',
    intakeAt: '受理地点',
    decider: '承办方式',
    resultPublished: '结果公开',
    faq: '常见问题',
    keywords: '关键词',
    materials: '材料',
  };
  return field ? map[field] : undefined;
};
