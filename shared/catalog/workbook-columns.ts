import {
  DECIDER_LABELS,
  HANDLING_LABELS,
  INTAKE_PLACE_LABELS,
  ITEM_KINDS,
  KIND_LABELS,
  LEVEL_LABELS,
  MATERIAL_FORM_LABELS,
  ONLINE_LABELS,
  type IntakePlace,
  type Item,
  type Level,
  type Material,
} from './item.ts';
import type { CellValue } from '../sheets/xlsx.ts';

/**
 * The county's workbook, column by column: sheet 事项 (one row per item), sheet 材料 (one row
 * per material, keyed by 事项编码), sheet 说明 (this documentation, for the person filling it).
 * Export writes exactly what import reads, so an exported workbook re-imports unchanged
 * (import-format.ts writes and reads the sheets with these columns).
 * Browser-safe (no Node APIs): the import page validates a file locally before uploading it.
 */
export const ITEMS_SHEET = '事项';
export const MATERIALS_SHEET = '材料';
export const HELP_SHEET = '说明';

/** Multi-value cells: one value per line. */
const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
const reverse = <K extends string>(labels: Record<K, string>): Map<string, K> => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));

const KIND_BY_LABEL = reverse(KIND_LABELS);
const ONLINE_BY_LABEL = reverse(ONLINE_LABELS);
export const FORM_BY_LABEL = reverse(MATERIAL_FORM_LABELS);
const LEVEL_WORDS: Array<[RegExp, Level]> = [
  [/^(县|县级|县区|区县)$/, 'county'],
  [/^(乡|乡级|乡镇|镇|街道|乡镇级|乡镇（街道）)$/, 'township'],
  [/^(村|村级|社区|村（社区）)$/, 'village'],
];
const INTAKE_WORDS: Array<[RegExp, IntakePlace]> = [
  [/^(村|村级|村级代办|代办|村便民服务站|村便民服务站代办|全程代办)$/, 'village'],
  [/^(乡|乡镇|镇|乡级|任一乡镇|县域通办|任一乡镇（县域通办）)$/, 'township'],
  [/^(县|县级|县中心|县政务服务中心)$/, 'county'],
];
const DECIDER_BY_LABEL = reverse(DECIDER_LABELS);
const officeIds = (c: string): string[] =>
  c
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
export const YES = new Set(['是', '需要', '必需', '必须', 'Y', 'YES', 'TRUE', '1', '√']);
export const NO = new Set(['否', '不需要', '非必需', '可选', 'N', 'NO', 'FALSE', '0', '×', '']);

export interface Column {
  header: string;
  /** Shown in the 说明 sheet. */
  help: string;
  width: number;
  get: (item: Item) => CellValue;
  /** Writes the parsed cell into the draft; returns an issue for an unreadable cell. */
  set: (draft: Record<string, unknown>, cell: string) => string | undefined;
  required?: boolean;
}

const text = (field: keyof Item) => (d: Record<string, unknown>, c: string) => {
  d[field] = c.trim();
  return undefined;
};
const list = (field: keyof Item) => (d: Record<string, unknown>, c: string) => {
  d[field] = lines(c);
  return undefined;
};
const intOrBlank = (field: keyof Item, label: string) => (d: Record<string, unknown>, c: string) => {
  const t = c.trim();
  if (t === '') {
    // present but blank clears the value (e.g. an item that became 即办件), unlike an absent column
    d[field] = undefined;
    return undefined;
  }
  const n = Number(t.replace(/(个)?工作日|天|日$/g, ''));
  if (!Number.isInteger(n)) return `“${label}”必须是整数个工作日，现在是“${t}”`;
  d[field] = n;
  return undefined;
};
const bool = (field: keyof Item, label: string) => (d: Record<string, unknown>, c: string) => {
  const t = c.trim().toUpperCase();
  if (YES.has(t)) d[field] = true;
  else if (NO.has(t)) d[field] = false;
  else return `“${label}”只能填 是 或 否，现在是“${c.trim()}”`;
  return undefined;
};
const yesNo = (b: boolean | undefined) => (b ? '是' : '否');

export const ITEM_COLUMNS: Column[] = [
  {
    header: '事项编码',
    help: '必填。大写字母、数字和 - _ .，全县唯一，例如 LS-01-001',
    width: 14,
    get: (i) => i.code,
    set: (d, c) => ((d.code = c.trim().toUpperCase()), undefined),
    required: true,
  },
  { header: '事项名称', help: '必填', width: 28, get: (i) => i.name, set: text('name'), required: true },
  { header: '事项类别', help: '必填，例如 户籍管理', width: 14, get: (i) => i.category, set: text('category') },
  {
    header: '办件类型',
    help: `必填：${ITEM_KINDS.map((k) => KIND_LABELS[k]).join('、')}`,
    width: 10,
    get: (i) => KIND_LABELS[i.kind],
    set: (d, c) => {
      const k = KIND_BY_LABEL.get(c.trim()) ?? KIND_BY_LABEL.get(`${c.trim()}件`);
      if (!k) return `“办件类型”只能是 即办件、承诺件、联办件 或 上报件，现在是“${c.trim()}”`;
      d.kind = k;
      return undefined;
    },
  },
  {
    header: '行使层级',
    help: '必填：县级、乡级、村级，多个用顿号分隔，例如 乡级、村级',
    width: 14,
    get: (i) => i.levels.map((l) => LEVEL_LABELS[l]).join('、'),
    set: (d, c) => {
      const out: Level[] = [];
      for (const w of c.split(/[、,，;；/\s]+/).filter(Boolean)) {
        const hit = LEVEL_WORDS.find(([re]) => re.test(w));
        if (!hit) return `“行使层级”只能是 县级、乡级、村级，无法识别“${w}”`;
        if (!out.includes(hit[1])) out.push(hit[1]);
      }
      d.levels = out;
      return undefined;
    },
  },
  { header: '实施机关', help: '必填，例如 罗山县公安局', width: 18, get: (i) => i.office, set: text('office') },
  { header: '实施机关编号', help: '可选：本系统中的机构编号', width: 16, get: (i) => i.officeId, set: text('officeId') },
  { header: '法定时限', help: '工作日。即办件留空', width: 10, get: (i) => i.statutoryDays, set: intOrBlank('statutoryDays', '法定时限') },
  { header: '承诺时限', help: '工作日，不能超过法定时限。即办件留空', width: 10, get: (i) => i.promisedDays, set: intOrBlank('promisedDays', '承诺时限') },
  {
    header: '收费标准',
    help: '必填：不收费的写“不收费”；收费的写标准，并填写收费依据',
    width: 16,
    get: (i) => (i.fee.charged ? i.fee.standard : '不收费'),
    set: (d, c) => {
      const t = c.trim();
      const basis = (d.fee as { basis?: string } | undefined)?.basis ?? '';
      d.fee = t === '' ? undefined : /^(不收费|免费|无)$/.test(t) ? { charged: false } : { charged: true, standard: t, basis };
      return undefined;
    },
  },
  {
    header: '收费依据',
    help: '收费的事项必填',
    width: 18,
    get: (i) => (i.fee.charged ? i.fee.basis : ''),
    set: (d, c) => {
      const fee = d.fee as { charged?: boolean; basis?: string } | undefined;
      if (fee?.charged) fee.basis = c.trim();
      else if (!fee) d.fee = { basis: c.trim() }; // 收费标准 comes after in a reordered sheet
      return undefined;
    },
  },
  { header: '设定和实施依据', help: '每条依据一行', width: 30, get: (i) => i.basis.join('\n'), set: list('basis') },
  { header: '受理条件', help: '每个条件一行', width: 30, get: (i) => i.conditions.join('\n'), set: list('conditions') },
  {
    header: '办理流程',
    help: '每个步骤一行：步骤名称：说明，例如 受理：窗口审核材料',
    width: 30,
    get: (i) => i.steps.map((s) => (s.description ? `${s.name}：${s.description}` : s.name)).join('\n'),
    set: (d, c) => {
      d.steps = lines(c).map((l) => {
        const m = /^([^：:]{1,50})[：:](.*)$/.exec(l);
        return m ? { name: m[1]!.trim(), ...(m[2]!.trim() ? { description: m[2]!.trim() } : {}) } : { name: l };
      });
      return undefined;
    },
  },
  {
    header: '特别程序',
    help: '不计入办理时限的程序，每个一行：名称|最长工作日|依据，例如 现场勘查|5|《行政许可法》第四十五条',
    width: 26,
    get: (i) => i.specialProcedures.map((s) => [s.name, s.maxDays, s.basis ?? ''].join('|').replace(/\|$/, '')).join('\n'),
    set: (d, c) => {
      const out = [];
      for (const l of lines(c)) {
        const [name = '', days = '', basis = ''] = l.split(/[|｜]/).map((x) => x.trim());
        const n = Number(days);
        if (!Number.isInteger(n)) return `“特别程序”每行应为 名称|最长工作日|依据，“${l}”中的天数不是整数`;
        out.push({ name, maxDays: n, ...(basis ? { basis } : {}) });
      }
      d.specialProcedures = out;
      return undefined;
    },
  },
  { header: '办理地点', help: '必填', width: 24, get: (i) => i.place, set: text('place') },
  { header: '办理时间', help: '必填，例如 工作日 上午8:30-12:00 下午14:30-17:30', width: 24, get: (i) => i.hours, set: text('hours') },
  { header: '咨询电话', help: '必填', width: 14, get: (i) => i.consultPhone, set: text('consultPhone') },
  { header: '投诉电话', help: '必填', width: 14, get: (i) => i.complaintPhone, set: text('complaintPhone') },
  { header: '到现场次数', help: '0 = 零跑腿，1 = 最多跑一次', width: 10, get: (i) => i.visits, set: intOrBlank('visits', '到现场次数') },
  {
    header: '网办程度',
    help: Object.values(ONLINE_LABELS).join('、'),
    width: 10,
    get: (i) => ONLINE_LABELS[i.online],
    set: (d, c) => {
      const t = c.trim() || '不能网办';
      const o = ONLINE_BY_LABEL.get(t);
      if (!o) return `“网办程度”只能是 ${Object.values(ONLINE_LABELS).join('、')}，现在是“${t}”`;
      d.online = o;
      return undefined;
    },
  },
  {
    header: '办理方式',
    help: '本级办理、县级下放（填下放机关）或 受理转报（填转报机关）',
    width: 10,
    get: (i) => HANDLING_LABELS[i.handling.mode],
    set: (d, c) => {
      const t = c.trim() || '本级办理';
      const other = (d.handling as { other?: string } | undefined)?.other ?? '';
      if (t === '本级办理') d.handling = { mode: 'local' };
      else if (t === '县级下放') d.handling = { mode: 'delegated', from: other };
      else if (t === '受理转报') d.handling = { mode: 'forwarded', to: other };
      else return `“办理方式”只能是 本级办理、县级下放 或 受理转报，现在是“${t}”`;
      return undefined;
    },
  },
  {
    header: '下放或转报机关',
    help: '县级下放时填下放的县级部门；受理转报时填转报到的机关',
    width: 16,
    get: (i) => (i.handling.mode === 'delegated' ? i.handling.from : i.handling.mode === 'forwarded' ? i.handling.to : ''),
    set: (d, c) => {
      const h = (d.handling ?? {}) as Record<string, unknown>;
      if (h.mode === 'delegated') h.from = c.trim();
      else if (h.mode === 'forwarded') h.to = c.trim();
      else if (!h.mode) d.handling = { other: c.trim() };
      return undefined;
    },
  },
  {
    header: '受理地点',
    help: `在哪里可以受理：${Object.values(INTAKE_PLACE_LABELS).join('、')}，多个用顿号分隔，例如 村级代办、乡镇。留空：按行使层级受理`,
    width: 18,
    get: (i) => (i.intakeAt ?? []).map((p) => INTAKE_PLACE_LABELS[p]).join('、'),
    set: (d, c) => {
      const out: IntakePlace[] = [];
      for (const w of c.split(/[、,，;；/\s]+/).filter(Boolean)) {
        const hit = INTAKE_WORDS.find(([re]) => re.test(w));
        if (!hit) return `“受理地点”只能是 ${Object.values(INTAKE_PLACE_LABELS).join('、')}，无法识别“${w}”`;
        if (!out.includes(hit[1])) out.push(hit[1]);
      }
      d.intakeAt = out.length ? out : undefined;
      return undefined;
    },
  },
  {
    header: '承办方式',
    help: `谁作出决定：${Object.values(DECIDER_LABELS).join('、')}。留空：受理机构办理`,
    width: 12,
    get: (i) => (i.decider ? DECIDER_LABELS[i.decider.by] : ''),
    set: (d, c) => {
      const t = c.trim();
      if (t === '') {
        d.decider = undefined;
        return undefined;
      }
      const by = DECIDER_BY_LABEL.get(t);
      if (!by) return `“承办方式”只能是 ${Object.values(DECIDER_LABELS).join('、')}，现在是“${t}”`;
      d.decider = { by };
      return undefined;
    },
  },
  {
    header: '承办机构编号',
    help: '指定机构承办：承办机构的编号（如 411521-mzj）；联办：牵头机构的编号（留空为受理机构牵头）',
    width: 16,
    get: (i) => (i.decider?.by === 'office' ? i.decider.officeId : i.decider?.by === 'joint' ? (i.decider.lead ?? '') : ''),
    set: (d, c) => {
      const dec = d.decider as Record<string, unknown> | undefined;
      const t = c.trim();
      if (dec?.by === 'office') dec.officeId = t;
      else if (dec?.by === 'joint' && t) dec.lead = t;
      return undefined;
    },
  },
  {
    header: '联办机构编号',
    help: '联办：协办机构的编号，多个用顿号分隔或每个一行',
    width: 20,
    get: (i) => (i.decider?.by === 'joint' ? i.decider.parts.join('、') : ''),
    set: (d, c) => {
      const dec = d.decider as Record<string, unknown> | undefined;
      if (dec?.by === 'joint') dec.parts = officeIds(c);
      return undefined;
    },
  },
  { header: '结果公开', help: '是 或 否', width: 8, get: (i) => yesNo(i.resultPublished), set: bool('resultPublished', '结果公开') },
  {
    header: '常见问题',
    help: '每个问题一行：问题|回答',
    width: 30,
    get: (i) => i.faq.map((f) => `${f.q}|${f.a}`).join('\n'),
    set: (d, c) => {
      const out = [];
      for (const l of lines(c)) {
        const k = l.search(/[|｜]/);
        if (k < 0) return `“常见问题”每行应为 问题|回答，“${l}”缺少 |`;
        out.push({ q: l.slice(0, k).trim(), a: l.slice(k + 1).trim() });
      }
      d.faq = out;
      return undefined;
    },
  },
  {
    header: '关键词',
    help: '俗称：群众常用的叫法，用顿号分隔，例如 低保、吃低保（搜索时与事项名称同样优先）',
    width: 16,
    get: (i) => i.keywords.join('、'),
    set: (d, c) => (
      (d.keywords = c
        .split(/[、,，;；\n]+/)
        .map((x) => x.trim())
        .filter(Boolean)),
      undefined
    ),
  },
  { header: '示例', help: '是：办理要素为演示示例（办事指南上标注“示例”）', width: 6, get: (i) => yesNo(i.demo), set: bool('demo', '示例') },
];

interface MaterialColumn {
  header: string;
  help: string;
  width: number;
  get: (m: Material, code: string) => CellValue;
}
export const MATERIAL_COLUMNS: MaterialColumn[] = [
  { header: '事项编码', help: '必填：材料所属事项（与“事项”表的编码相同）', width: 14, get: (_m, code) => code },
  { header: '材料名称', help: '必填', width: 28, get: (m) => m.name },
  { header: '材料形式', help: Object.values(MATERIAL_FORM_LABELS).join('、'), width: 12, get: (m) => MATERIAL_FORM_LABELS[m.form] },
  { header: '份数', help: '整数', width: 6, get: (m) => m.copies },
  { header: '来源渠道', help: '例如 申请人自备、公安机关核发', width: 16, get: (m) => m.source },
  { header: '是否必需', help: '是 或 否（容缺/可选材料填 否）', width: 8, get: (m) => yesNo(m.required) },
  { header: '空白表格', help: '空白表格下载链接（http(s)://）', width: 24, get: (m) => m.blankFormUrl },
  { header: '示例样表', help: '填写示例链接（http(s)://）', width: 24, get: (m) => m.sampleUrl },
  { header: '备注', help: '', width: 24, get: (m) => m.notes },
];

// ---------- export ----------
