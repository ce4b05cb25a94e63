import { KIND_LABELS } from '../catalog/item.ts';
import type { Applicant, CaseRecord } from '../cases/model.ts';
import type { Commission } from '../cases/hops.ts';
import { CONSENT_LABELS } from '../cases/hop-labels.ts';
import { bjDateLong, bjDateTime } from '../platform/beijing-time.ts';

/**
 * The written documents of a case as data — title, paragraphs, tables, footer — built once here
 * and drawn twice: as the A4 print pages of the web front (web/src/pages/documents/DocView.tsx) and
 * as PDF on the server (pdf.ts). One definition, so the paper a clerk prints and the PDF that goes
 * into the archive say the same words.
 */
export const DOCUMENT_KINDS = ['receipt', 'supplement-notice', 'not-accepted', 'decision', 'commission'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  receipt: '受理凭证',
  'supplement-notice': '一次性告知书',
  'not-accepted': '不予受理通知书',
  decision: '办结通知书',
  commission: '委托代办单',
};

/** A run of a line: text, or a blank to sign or write on (drawn as an underline). */
export type Segment = string | { blank: 'long' | 'short' };
export interface Cell {
  th: string;
  td: string;
  /** The value spans the rest of the row (4-column tables). */
  wide?: boolean;
}
export type Block =
  | { kind: 'p'; text: string; role?: 'reason' | 'refer-to' | 'legal-remedy' }
  | { kind: 'ol'; items: string[] }
  /** Rows of label/value pairs: one pair per row, or two (委托代办单). */
  | { kind: 'table'; rows: Cell[][] };

export interface CaseDocument {
  kind: DocumentKind;
  /** Heading lines (county and office, then the title). */
  heading: string[];
  number: string;
  blocks: Block[];
  /** Footer lines; a line of segments may hold blanks. */
  footer: Segment[][];
  /** The sign line (申请人签收), apart so the page can mark it. */
  sign?: Segment[];
  /** The QR code's link and caption (drawn by the page; the PDF prints the link). */
  qr?: { link: string; caption: string };
}

/** What the documents of a case need besides the case: who prints, where, the guide's phones. */
export interface DocumentContext {
  countyName: string;
  /** The office issuing the document (the clerk's office on the page; the case's office on the server). */
  officeName: string;
  /** The staff member named 经办人, and the date printed. */
  clerkName: string;
  printedAt: string;
  guide: { place: string; consultPhone: string; complaintPhone: string };
  legal: { reviewBody: string; court: string };
  /** The citizen's status link (with the 查询码). */
  statusLink: string;
}

/** The receipt's QR link to the public status page (with the 查询码: the citizen who scans types nothing). */
export const statusLink = (origin: string, number: string, queryCode?: string): string =>
  `${origin}/status/${encodeURIComponent(number)}${queryCode ? `?code=${encodeURIComponent(queryCode)}` : ''}`;

/** The bodies a refused applicant may turn to: configured, else the county government and the county court. */
export const legalBodiesOf = (countyName: string, legal?: { reviewBody?: string; court?: string }): { reviewBody: string; court: string } => ({
  reviewBody: legal?.reviewBody ?? `${countyName}人民政府`,
  court: legal?.court ?? `${countyName}人民法院`,
});

const cn = (iso?: string) => bjDateTime(iso, '');
const W = '\u3000';

/** Which intake document a case's status calls for (the receipt page shows this one). */
export const intakeDocumentKind = (c: Pick<CaseRecord, 'status'>): 'receipt' | 'supplement-notice' | 'not-accepted' =>
  c.status === 'not_accepted' ? 'not-accepted' : c.status === 'awaiting_supplement' ? 'supplement-notice' : 'receipt';

/** The documents a case has so far, in order (what the archive package holds). */
export const documentsOf = (c: Pick<CaseRecord, 'status' | 'missingMaterials' | 'acceptedAt' | 'decision'>): Exclude<DocumentKind, 'commission'>[] => {
  const kinds: Exclude<DocumentKind, 'commission'>[] = [];
  if (c.status === 'not_accepted') return ['not-accepted'];
  if (c.missingMaterials.length > 0 || c.status === 'awaiting_supplement') kinds.push('supplement-notice');
  if (c.acceptedAt) kinds.push('receipt');
  if (c.decision) kinds.push('decision');
  return kinds;
};

const remedy = (you: string, legal: DocumentContext['legal']): Block => ({
  kind: 'p',
  role: 'legal-remedy',
  text: `如对本决定不服，可以自收到本通知书之日起六十日内向${legal.reviewBody}申请行政复议，或者自收到本通知书之日起六个月内向${legal.court}提起行政诉讼。`,
});

/**
 * The 不予受理通知书's body by its 法定情形: a matter outside this office's remit names the office to
 * apply to; a matter needing no application says so and sends nobody anywhere; an applicant or
 * application that falls short gets the reason and the office to ask. Each carries the remedy.
 */
const notAcceptedBlocks = (you: string, c: Pick<CaseRecord, 'createdAt' | 'itemName' | 'notAccepted'>, legal: DocumentContext['legal']): Block[] => {
  const n = c.notAccepted;
  const applied = `${you}于 ${cn(c.createdAt)} 申请办理“${c.itemName}”。`;
  const reason: Block = { kind: 'p', role: 'reason', text: n?.reason ?? '' };
  if (n?.ground === 'not-competent')
    return [
      { kind: 'p', text: `${applied}经审查，该申请事项依法不属于本机关职权范围，决定不予受理。说明如下：` },
      reason,
      { kind: 'p', role: 'refer-to', text: `请向${n.referTo}申请。` },
      remedy(you, legal),
    ];
  if (n?.ground === 'not-required')
    return [
      { kind: 'p', text: `${applied}经审查，该申请事项依法不需要取得行政许可或办理，决定不予受理。说明如下：` },
      reason,
      { kind: 'p', text: `${you}无需就此事项再行申请。` },
      remedy(you, legal),
    ];
  return [
    { kind: 'p', text: `${applied}经审查，决定不予受理，理由如下：` },
    reason,
    ...(n?.referTo ? [{ kind: 'p' as const, text: `如有疑问，可咨询：${n.referTo}。` }] : []),
    remedy(you, legal),
  ];
};

/** What the documents show of a case (the staff's view of it has all of this). */
export type CaseForDocument = Pick<
  CaseRecord,
  | 'number'
  | 'status'
  | 'itemName'
  | 'kind'
  | 'promisedDays'
  | 'createdAt'
  | 'acceptedAt'
  | 'dueDate'
  | 'materialsReceived'
  | 'missingMaterials'
  | 'notAccepted'
  | 'decision'
> & { applicant: Pick<CaseRecord['applicant'], 'type' | 'name' | 'idMasked'> };

/** One of the case's documents (receipt, 一次性告知书, 不予受理通知书, 办结通知书). */
export const caseDocument = (kind: Exclude<DocumentKind, 'commission'>, c: CaseForDocument, ctx: DocumentContext): CaseDocument => {
  // a person is addressed 你, an organisation 贵单位
  const you = c.applicant.type === 'person' ? '你' : '贵单位';
  const addressee = `${c.applicant.name}${c.applicant.type === 'person' ? '（证件号码 ' + c.applicant.idMasked + '）' : ''}：`;
  const blocks: Block[] = [{ kind: 'p', text: addressee }];
  if (kind === 'not-accepted') {
    blocks.push(...notAcceptedBlocks(you, c, ctx.legal));
  } else if (kind === 'supplement-notice') {
    blocks.push(
      {
        kind: 'p',
        text: `${you}于 ${cn(c.createdAt)} 申请办理“${c.itemName}”，申请材料不齐全。依据《中华人民共和国行政许可法》第三十二条，现一次性告知需补正的全部材料：`,
      },
      { kind: 'ol', items: [...c.missingMaterials] },
      { kind: 'p', text: '补齐上述材料后即予受理，受理日以补齐之日为准。' },
    );
  } else if (kind === 'receipt') {
    blocks.push(
      { kind: 'p', text: `${you}申请办理的“${c.itemName}”（${KIND_LABELS[c.kind]}）已于 ${cn(c.acceptedAt)} 受理。` },
      {
        kind: 'table',
        rows: [
          [{ th: '收到材料', td: c.materialsReceived.join('、') || '—' }],
          [
            {
              th: '承诺办结日期',
              td: `${bjDateLong(c.dueDate)}${c.kind === 'immediate' ? '（即办件，当日办结）' : `（${c.promisedDays} 个工作日，法定节假日不计）`}`,
            },
          ],
          [{ th: '办理地点', td: ctx.guide.place }],
        ],
      },
    );
  } else {
    const d = c.decision;
    blocks.push({ kind: 'p', text: `${you}于 ${cn(c.acceptedAt ?? c.createdAt)} 申请办理的“${c.itemName}”，已于 ${cn(d?.at)} 办结。` });
    if (d?.result === 'refused') {
      blocks.push({ kind: 'p', text: '经审查，决定不予办理（退办），理由如下：' }, { kind: 'p', role: 'reason', text: d.reason ?? '' }, remedy(you, ctx.legal));
    } else {
      blocks.push({ kind: 'p', text: '经审查，决定准予办理。请按约定方式领取办理结果。' });
    }
    blocks.push({
      kind: 'table',
      rows: [
        [{ th: '受理编号', td: c.number }],
        [{ th: '办理结果', td: d?.result === 'refused' ? '退办' : '准予' }],
        [{ th: '办结日期', td: bjDateLong(d?.at) }],
      ],
    });
  }
  return {
    kind,
    heading: [`${ctx.countyName}${ctx.officeName}`, DOCUMENT_TITLES[kind]],
    number: c.number,
    blocks,
    footer: [
      [`咨询电话：${ctx.guide.consultPhone}${W}投诉电话：${ctx.guide.complaintPhone}`],
      [`经办人：${ctx.clerkName}${W}日期：${bjDateLong(ctx.printedAt)}`],
      ['（盖章）'],
    ],
    sign: ['申请人（签收）：', { blank: 'long' }, `${W}签收日期：`, { blank: 'short' }],
    qr: { link: ctx.statusLink, caption: '扫码查询进度、评价服务' },
  };
};

/** 委托代办单: the written commission the applicant signs (or marks) at the village station. */
/** What the 委托代办单 shows of a commission (its view, with the station's and township's names). */
export type CommissionForDocument = Pick<Commission, 'number' | 'itemName' | 'createdAt' | 'takeInDueAt' | 'materialsCollected' | 'agentName' | 'consent'> & {
  applicant: Pick<Applicant, 'nameMasked' | 'idMasked' | 'phoneMasked'>;
  stationName: string;
  townshipName: string;
};

export const commissionDocument = (k: CommissionForDocument, ctx: { countyName: string; link: string }): CaseDocument => ({
  kind: 'commission',
  heading: [`${ctx.countyName}便民服务 委托代办单`],
  number: k.number,
  blocks: [
    {
      kind: 'table',
      rows: [
        [{ th: '委托事项', td: k.itemName, wide: true }],
        [
          { th: '委托人（申请人）', td: k.applicant.nameMasked },
          { th: '证件号码', td: k.applicant.idMasked },
        ],
        [
          { th: '联系电话', td: k.applicant.phoneMasked },
          { th: '委托时间', td: bjDateTime(k.createdAt) },
        ],
        [
          { th: '代办点', td: k.stationName },
          { th: '代办员', td: k.agentName },
        ],
        [
          { th: '受理机构', td: k.townshipName },
          { th: '接收时限', td: `${bjDateTime(k.takeInDueAt)}前` },
        ],
        [{ th: '已收材料', td: k.materialsCollected.join('、') || '无', wide: true }],
      ],
    },
    { kind: 'p', text: '本人自愿委托上述代办员全程代办该事项（委托、受理、承办、回交），代办不收取任何费用。办结后，办理结果由代办员送达本人。' },
    { kind: 'p', text: `同意方式：${CONSENT_LABELS[k.consent.method]}` },
  ],
  footer: [['委托人（签字或按手印）：__________'], ['代办员（签字）：__________']],
  qr: { link: ctx.link, caption: '乡镇窗口扫码接收' },
});

/** The document's whole text, line by line (what a reader of the PDF extracts; tests compare it). */
export const documentLines = (d: CaseDocument): string[] => {
  const seg = (s: Segment[]) => s.map((x) => (typeof x === 'string' ? x : '')).join('');
  const out = [...d.heading, `编号：${d.number}`];
  for (const b of d.blocks) {
    if (b.kind === 'p') out.push(b.text);
    else if (b.kind === 'ol') out.push(...b.items.map((x, i) => `${i + 1}. ${x}`));
    else for (const row of b.rows) out.push(row.map((c) => `${c.th} ${c.td}`).join(' '));
  }
  out.push(...d.footer.map(seg));
  if (d.sign) out.push(seg(d.sign));
  return out;
};
