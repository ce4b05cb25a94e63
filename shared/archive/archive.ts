import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { AuditInput } from '../audit/audit.ts';
import { actorOf } from '../audit/audit.ts';
import type { AuditAction } from '../audit/labels.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { bjDay } from '../platform/beijing-time.ts';
import { visibleOrNotFound } from '../cases/access.ts';
import { officeNames } from '../offices/offices.ts';
import { buildCaseDocument } from '../documents/case-documents.ts';
import { DOCUMENT_TITLES, documentsOf } from '../documents/texts.ts';
import { ARCHIVABLE, archiveCodeOf, archiveDates, retentionOf, type ArchiveRecord } from './model.ts';
import { buildPackage, checkPackage, manifestOf, sha256 } from './package.ts';
import type { ArchivePorts } from './ports.ts';

const SYSTEM = { userId: 'system:archive', username: 'archive', officeId: '*', displayName: '归档服务' };
const sysAudit = (action: AuditAction, r: Pick<ArchiveRecord, 'caseId' | 'number' | 'archiveCode'>): AuditInput => ({
  actor: actorOf(SYSTEM),
  action,
  target: { type: 'case', id: r.caseId },
  result: 'success',
  sourceIp: 'queue',
  userAgent: 'archive',
  detail: `${r.number} ${r.archiveCode}`,
});
const userAudit = (p: Principal, action: AuditAction, r: Pick<ArchiveRecord, 'caseId' | 'number' | 'archiveCode'>, meta: RequestMeta): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'case', id: r.caseId },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: `${r.number} ${r.archiveCode}`,
});

/** Timeline actions whose staff the metadata names. */
const STAFF_EVENTS: Record<string, string> = {
  accepted: '受理',
  started: '承办',
  approved: '办结',
  refused: '办结',
  delivered: '送达',
  not_accepted: '不予受理',
};

/**
 * The queue consumer's work (topic `archive`, after 办结/送达 and any later change of the case):
 * builds the case's package from what is stored now and locks it. Idempotent: the digest of the
 * inputs (the case version's dates and result, the files' checksums, the retention) is kept, and
 * the same inputs are archived once however often the message arrives. Changed inputs (a corrected
 * date, a reopened case) make a new package version with its dates recomputed.
 */
export const archiveCase = async (ports: ArchivePorts, caseId: string): Promise<'archived' | 'unchanged' | 'not-yet'> => {
  const c = (await ports.cases.get(caseId))?.record;
  if (!c || !ARCHIVABLE.has(c.status)) return 'not-yet';
  const item = (await ports.catalog.getItemVersion(c.itemCode, c.itemVersion))?.item;
  const retention = retentionOf({ kind: c.kind, archiveRetention: item?.archiveRetention });
  const dates = archiveDates(c, retention);
  const files = (await ports.materials.materials.list(c.id)).filter((f) => f.status === 'stored');
  const kinds = documentsOf(c);
  // the metadata's 经办人 and 办理机构 are inputs too: a hop or a correction that changes them rebuilds the package
  const events = await ports.cases.events(c.id);
  const staff = events.filter((e) => STAFF_EVENTS[e.type]).map((e) => ({ action: STAFF_EVENTS[e.type]!, name: e.byName ?? e.by, at: e.at }));
  const inputs = createHash('sha256')
    .update(
      JSON.stringify({
        status: c.status,
        decision: c.decision ?? null,
        delivery: c.delivery ?? null,
        withdrawal: c.withdrawal ?? null,
        dates,
        retention,
        kinds,
        office: [c.officeId, c.handlingOfficeId ?? c.handedTo ?? null],
        staff,
        files: files.map((f) => [f.materialId, f.sha256]),
      }),
    )
    .digest('hex');
  const before = await ports.archive.get(c.id);
  if (before && before.inputs === inputs) return 'unchanged';
  if (before?.destroyedAt) return 'unchanged';
  const name = await officeNames(ports.offices);
  const documents = [];
  for (const k of kinds) {
    const doc = await buildCaseDocument(ports, c, k, ports.settings, '归档服务');
    documents.push({ title: DOCUMENT_TITLES[k], bytes: await ports.render(doc) });
  }
  const materials = [];
  for (const f of files) {
    const bytes = await ports.materials.objects.get(f.key);
    if (bytes) materials.push({ name: f.name, contentType: f.contentType, bytes });
  }
  // 全宗号: the county's code; unset (a local run), the county part of the case number
  const county = ports.settings.countyCode || c.number.split('-')[0]!;
  const archiveCode = archiveCodeOf(county, dates.archiveDate, retention, c.number);
  const pkg = buildPackage({
    archiveCode,
    countyCode: county,
    retention,
    archiveDate: dates.archiveDate,
    case: c,
    officeName: name,
    staff,
    documents,
    materials,
  });
  const packageVersion = (before?.packageVersion ?? 0) + 1;
  const packageKey = `packages/${dates.archiveDate.slice(0, 4)}/${c.number}/v${packageVersion}.zip`;
  await ports.packages.put(packageKey, pkg.zip, dates.lockUntil);
  // the checks and the record look at the package as stored, read back from the bucket (a
  // concurrent delivery of the message may have written this key first: its package stands)
  const stored = await ports.packages.get(packageKey);
  const checks = checkPackage(
    stored,
    { archiveCode, number: c.number, documents: documents.length, materials: files.length, lockUntil: dates.lockUntil },
    await ports.packages.lock(packageKey),
  );
  const record: ArchiveRecord = {
    caseId: c.id,
    number: c.number,
    itemCode: c.itemCode,
    itemName: c.itemName,
    officeId: c.officeId,
    applicantType: c.applicant.type,
    archiveCode,
    retention,
    ...dates,
    inputs,
    packageKey,
    packageSha256: sha256(stored ?? pkg.zip),
    packageSize: (stored ?? pkg.zip).length,
    packageVersion,
    files: (stored && manifestOf(stored, archiveCode)?.files) || pkg.files,
    checks,
    archivedAt: ports.clock().toISOString(),
    approvals: [],
    version: (before?.version ?? 0) + 1,
  };
  try {
    await ports.archive.put(record, before?.version ?? 0, sysAudit('archive.package', record));
  } catch (e) {
    // another delivery of the message got there first with the same inputs: nothing more to do
    if (e instanceof ConflictError && (await ports.archive.get(c.id))?.inputs === inputs) return 'unchanged';
    throw e;
  }
  return 'archived';
};

const needArchiveRead = (p: Principal) => {
  if (!hasScope(p, 'case.read')) throw new ForbiddenError();
};
const needAdmin = (p: Principal) => {
  if (!hasScope(p, 'archive.manage')) throw new ForbiddenError('仅县级管理员可管理档案');
};

/** GET /api/cases/{id}/archive: pending before 办结, archived after (the contract's shape). */
export const getArchive = async (ports: Pick<ArchivePorts, 'cases' | 'archive'>, p: Principal, input: { id: string }) => {
  needArchiveRead(p);
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  const r = await ports.archive.get(c.id);
  if (!r)
    return {
      archive: {
        status: 'pending' as const,
        retention: null,
        archiveDate: null,
        files: [],
        checks: { authenticity: false, integrity: false, usability: false, security: false },
      },
    };
  return {
    archive: {
      status: r.destroyedAt ? ('destroyed' as const) : ('archived' as const),
      retention: r.retention,
      archiveDate: r.archiveDate,
      retainUntil: r.retainUntil || null,
      archiveCode: r.archiveCode,
      files: r.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
      checks: r.checks,
      approvals: r.approvals.map((a) => ({ byName: a.byName, at: a.at })),
    },
  };
};

/** GET /api/cases/{id}/archive/package: the zip as stored; the download is audited. */
export const downloadPackage = async (ports: Pick<ArchivePorts, 'cases' | 'archive' | 'packages'>, p: Principal, input: { id: string }, meta: RequestMeta) => {
  needArchiveRead(p);
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  const r = await ports.archive.get(c.id);
  if (!r || r.destroyedAt) throw new NotFoundError('该办件尚未归档');
  const zip = await ports.packages.get(r.packageKey);
  if (!zip) throw new NotFoundError('档案包不存在');
  await ports.cases.commit([], [userAudit(p, 'archive.download', r, meta)]);
  return { zip, filename: `${r.archiveCode}.zip` };
};

const listView = (r: ArchiveRecord) => ({
  caseId: r.caseId,
  number: r.number,
  archiveCode: r.archiveCode,
  itemName: r.itemName,
  retention: r.retention,
  archiveDate: r.archiveDate,
  retainUntil: r.retainUntil || null,
  checks: r.checks,
  approvals: r.approvals.map((a) => ({ byName: a.byName, at: a.at })),
  destroyedAt: r.destroyedAt ?? null,
});

/** GET /api/archive?year=&q=: the county admin's search (by year; the number or item name filters). */
export const searchArchive = async (ports: Pick<ArchivePorts, 'archive'>, p: Principal, q: { year: string; q?: string | undefined }) => {
  needAdmin(p);
  const rows = await ports.archive.ofYear(q.year, 500);
  const text = q.q?.trim();
  return { packages: rows.filter((r) => !text || r.number.includes(text) || r.itemName.includes(text) || r.archiveCode.includes(text)).map(listView) };
};

/** GET /api/archive/destruction: 鉴定销毁 — packages whose retention has ended. */
export const destructionList = async (ports: Pick<ArchivePorts, 'archive' | 'clock'>, p: Principal) => {
  needAdmin(p);
  return { packages: (await ports.archive.retentionEnded(bjDay(ports.clock()), 500)).map(listView) };
};

/** Approvals a destruction needs, by as many different county admins. */
export const DESTRUCTION_APPROVALS = 2;

/**
 * POST /api/archive/destruction: one county admin's approval. Nothing is deleted before
 * the retention has ended, nor on one approval; the second, by another admin, deletes the package
 * (the bucket's lock refuses anything earlier regardless).
 */
export const approveDestruction = async (
  ports: Pick<ArchivePorts, 'archive' | 'packages' | 'clock'>,
  p: Principal,
  input: { caseId: string },
  meta: RequestMeta,
) => {
  needAdmin(p);
  const r = await ports.archive.get(input.caseId);
  if (!r || r.destroyedAt) throw new NotFoundError('档案不存在或已销毁');
  const today = bjDay(ports.clock());
  if (r.retention === 'permanent' || !r.retainUntil || r.retainUntil > today)
    throw new RuleError('RETENTION_NOT_ENDED', r.retention === 'permanent' ? '永久保管的档案不能销毁' : `保管期限至 ${r.retainUntil} 届满，届满前不能销毁`);
  if (r.approvals.some((a) => a.by === p.userId)) throw new RuleError('ALREADY_APPROVED', '您已批准过，销毁须另一位管理员批准');
  const approvals = [...r.approvals, { by: p.userId, byName: p.displayName, at: ports.clock().toISOString() }];
  const destroy = approvals.length >= DESTRUCTION_APPROVALS;
  if (destroy) await ports.packages.destroy(r.packageKey);
  const next: ArchiveRecord = { ...r, approvals, ...(destroy ? { destroyedAt: ports.clock().toISOString() } : {}), version: r.version + 1 };
  await ports.archive.put(next, r.version, userAudit(p, destroy ? 'archive.destroy' : 'archive.destroy-approve', r, meta));
  return { destroyed: destroy, approvals: approvals.length };
};

/** GET /api/archive/transfer?year=: 移交 — one zip of a year's packages and the 移交清单 (CSV). */
export const exportTransfer = async (ports: Pick<ArchivePorts, 'archive' | 'packages' | 'cases'>, p: Principal, q: { year: string }, meta: RequestMeta) => {
  needAdmin(p);
  const rows = (await ports.archive.ofYear(q.year, 500)).filter((r) => !r.destroyedAt);
  const entries: Record<string, Uint8Array> = {};
  const lines = ['档号,办件编号,事项名称,保管期限,归档日期,档案包SHA-256'];
  for (const r of rows) {
    const zip = await ports.packages.get(r.packageKey);
    if (!zip) continue;
    entries[`${r.archiveCode}.zip`] = zip;
    lines.push([r.archiveCode, r.number, `"${r.itemName.replace(/"/g, '""')}"`, r.retention, r.archiveDate, r.packageSha256].join(','));
  }
  entries['移交清单.csv'] = new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
  await ports.cases.commit(
    [],
    [
      {
        ...userAudit(p, 'archive.transfer', { caseId: q.year, number: q.year, archiveCode: `${rows.length} 件` }, meta),
        target: { type: 'archive', id: q.year },
      },
    ],
  );
  return { zip: zipSync(entries, { level: 0 }), filename: `移交-${q.year}.zip`, count: rows.length };
};
