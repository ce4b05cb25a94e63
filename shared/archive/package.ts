import { createHash } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { CaseRecord } from '../cases/model.ts';
import { sniffType } from '../cases/materials-model.ts';
import { bjDateTimeSeconds } from '../platform/beijing-time.ts';
import { RETENTION_LABELS, type ArchivedFile, type ArchiveChecks, type Retention } from './model.ts';

/**
 * The 归档信息包 of a case (docs/archive.md): a zip named by its 档号 holding
 *   <档号>/metadata.xml   the metadata elements (item, case, applicant type, offices, dates, result, staff)
 *   <档号>/manifest.json  every file with its SHA-256 and size
 *   <档号>/文书/NN-<title>.pdf, <档号>/材料/NN-<material>.<ext>
 * Built from bytes only, so the same inputs give the same package.
 */
export interface PackageInput {
  archiveCode: string;
  countyCode: string;
  retention: Retention;
  archiveDate: string;
  case: CaseRecord;
  officeName: (id: string) => string;
  /** Staff of the timeline, in order (受理, 办结, 送达 …): `<action> <name>`. */
  staff: Array<{ action: string; name: string; at: string }>;
  documents: Array<{ title: string; bytes: Uint8Array }>;
  materials: Array<{ name: string; contentType: string; bytes: Uint8Array }>;
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A file name inside the zip: no path separators, reserved characters or control characters. */
const safe = (s: string) =>
  [...s]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(0, 60);
const pad = (n: number) => String(n).padStart(2, '0');

/** The metadata elements, as GB/T 42727's mapping names them (Chinese element names, values as stored). */
export const metadataOf = (p: PackageInput): Array<[string, string]> => {
  const c = p.case;
  return [
    ['档号', p.archiveCode],
    ['全宗号', p.countyCode],
    ['保管期限', RETENTION_LABELS[p.retention]],
    ['归档日期', p.archiveDate],
    ['事项编码', c.itemCode],
    ['事项版本', String(c.itemVersion)],
    ['事项名称', c.itemName],
    ['办件编号', c.number],
    ['申请人类型', c.applicant.type === 'person' ? '自然人' : '法人或其他组织'],
    ['申请人', c.applicant.nameMasked],
    ['受理机构', p.officeName(c.officeId)],
    ['办理机构', p.officeName(c.handlingOfficeId ?? c.handedTo ?? c.officeId)],
    ['申请时间', bjDateTimeSeconds(c.createdAt, '')],
    ['受理时间', bjDateTimeSeconds(c.acceptedAt, '')],
    ['办结时间', bjDateTimeSeconds(c.decision?.at, '')],
    ['送达时间', bjDateTimeSeconds(c.delivery?.at, '')],
    ['办理结果', c.status === 'not_accepted' ? '不予受理' : c.status === 'withdrawn' ? '撤回' : c.decision?.result === 'refused' ? '退办' : '准予'],
    ['经办人', p.staff.map((s) => `${s.action}:${s.name}`).join('；')],
  ];
};
/** Elements that may be empty only when the case never reached that step. */
const OPTIONAL = new Set(['受理时间', '办结时间', '送达时间']);

export const buildPackage = (p: PackageInput): { zip: Uint8Array; files: ArchivedFile[] } => {
  const root = p.archiveCode;
  const entries: Record<string, Uint8Array> = {};
  p.documents.forEach((d, i) => (entries[`${root}/文书/${pad(i + 1)}-${safe(d.title)}.pdf`] = d.bytes));
  p.materials.forEach((m, i) => (entries[`${root}/材料/${pad(i + 1)}-${safe(m.name)}.${EXT[m.contentType] ?? 'bin'}`] = m.bytes));
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<归档信息包 标准="GB/T 42727-2023">',
    ...metadataOf(p).map(([k, v]) => `  <${k}>${esc(v)}</${k}>`),
    '</归档信息包>',
    '',
  ].join('\n');
  entries[`${root}/metadata.xml`] = strToU8(xml);
  const files: ArchivedFile[] = Object.entries(entries).map(([name, bytes]) => ({ name, sha256: sha256(bytes), size: bytes.length }));
  entries[`${root}/manifest.json`] = strToU8(JSON.stringify({ archiveCode: root, algorithm: 'SHA-256', files }, null, 2));
  // a fixed date in every entry: the same inputs give byte-identical packages
  const mtime = new Date('2000-01-01T00:00:00Z');
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { mtime, level: 6 }]])));
  return { zip, files };
};

const manifestIn = (entries: Record<string, Uint8Array>, root: string): { files: ArchivedFile[] } | undefined => {
  const bytes = entries[`${root}/manifest.json`];
  try {
    return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as { files: ArchivedFile[] }) : undefined;
  } catch {
    return undefined;
  }
};

/** The manifest of a stored package, or undefined when it does not open. */
export const manifestOf = (zip: Uint8Array, root: string): { files: ArchivedFile[] } | undefined => {
  try {
    return manifestIn(unzipSync(zip), root);
  } catch {
    return undefined;
  }
};

/**
 * DA/T 70's four checks on a package as stored (read back from the archive bucket): each a yes or no,
 * kept with the record. `lock` is what the bucket says of the object's lock.
 */
export const checkPackage = (
  stored: Uint8Array | undefined,
  expect: { archiveCode: string; number: string; documents: number; materials: number; lockUntil: string },
  lock: { mode?: string; until?: string; encrypted: boolean } | undefined,
): ArchiveChecks => {
  let entries: Record<string, Uint8Array> = {};
  try {
    entries = stored ? unzipSync(stored) : {};
  } catch {
    entries = {};
  }
  const root = expect.archiveCode;
  const manifest = manifestIn(entries, root);
  const meta = entries[`${root}/metadata.xml`] ? new TextDecoder().decode(entries[`${root}/metadata.xml`]) : '';
  const authenticity =
    !!manifest &&
    manifest.files.every((f) => entries[f.name] && sha256(entries[f.name]!) === f.sha256 && entries[f.name]!.length === f.size) &&
    meta.includes(`<办件编号>${esc(expect.number)}</办件编号>`) &&
    meta.includes(`<档号>${esc(root)}</档号>`);
  const names = Object.keys(entries);
  const emptyElements = [...meta.matchAll(/<([^<>/?\s]+)><\/\1>/g)].map((m) => m[1]!).filter((k) => !OPTIONAL.has(k));
  const integrity =
    !!manifest &&
    names.filter((n) => n.startsWith(`${root}/文书/`)).length === expect.documents &&
    names.filter((n) => n.startsWith(`${root}/材料/`)).length === expect.materials &&
    emptyElements.length === 0;
  const usability =
    names.length > 0 &&
    names
      .filter((n) => n.includes('/文书/') || n.includes('/材料/'))
      .every((n) => {
        const t = sniffType(entries[n]!.subarray(0, 8));
        return t !== undefined && EXT[t] === n.split('.').at(-1);
      });
  const security = !!lock && lock.encrypted && lock.mode === 'COMPLIANCE' && !!lock.until && lock.until.slice(0, 10) >= expect.lockUntil;
  return { authenticity, integrity, usability, security };
};
