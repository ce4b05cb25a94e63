import { createHash } from 'node:crypto';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import type { AuditAction } from '../audit/labels.ts';
import { ForbiddenError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { visibleOrNotFound } from './access.ts';
import type { MaterialPorts } from './ports.ts';
import {
  MATERIAL_TYPES,
  MAX_CASE_BYTES,
  MAX_CASE_FILES,
  MAX_FILE_BYTES,
  SNIFF_BYTES,
  UPLOAD_URL_SECONDS,
  VIEW_URL_SECONDS,
  materialKey,
  sniffType,
  type MaterialFile,
  type UploadInput,
} from './materials-model.ts';
import type { CasePorts } from './ports.ts';

export type MaterialUseCasePorts = MaterialPorts & Pick<CasePorts, 'cases' | 'clock'>;

const audit = (
  p: Principal,
  action: AuditAction,
  caseId: string,
  detail: string,
  meta: RequestMeta,
  result: 'success' | 'failure' = 'success',
): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'case', id: caseId },
  result,
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail,
});

/** No more files once the case has reached its end (送达, 撤回): what was kept is what the archive holds. */
const CLOSED = new Set(['delivered', 'withdrawn']);

const fileView = (f: MaterialFile) => ({
  materialId: f.materialId,
  name: f.name,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  status: f.status,
  uploadedByName: f.uploadedByName,
  createdAt: f.createdAt,
  storedAt: f.storedAt,
  sha256: f.sha256,
});

/**
 * POST /api/cases/{id}/materials/uploads: a presigned PUT for one file, its place in the case's
 * totals taken first. The same `materialId` again (a queued offline action resent) gets a fresh
 * link to the same pending file.
 */
export const requestUpload = async (ports: MaterialUseCasePorts, p: Principal, input: { id: string }, body: UploadInput, meta: RequestMeta) => {
  if (!hasScope(p, 'case.accept') && !hasScope(p, 'case.handle')) throw new ForbiddenError();
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record, true);
  if (CLOSED.has(c.status)) throw new RuleError('CASE_CLOSED', '办件已送达或撤回，不能再上传材料');
  const materialId = body.materialId ?? crypto.randomUUID();
  const key = materialKey(c.id, materialId);
  const again = body.materialId ? await ports.materials.get(c.id, materialId) : undefined;
  if (again) {
    if (again.status !== 'pending' || again.contentType !== body.contentType || again.size !== body.size)
      throw new RuleError('MATERIAL_EXISTS', '该材料编号已被使用', [{ path: 'materialId', message: '该材料编号已被使用' }]);
  } else {
    const file: MaterialFile = {
      caseId: c.id,
      materialId,
      name: body.name,
      ...(body.fileName ? { fileName: body.fileName } : {}),
      contentType: body.contentType,
      size: body.size,
      key,
      status: 'pending',
      uploadedBy: p.username,
      uploadedByName: p.displayName,
      createdAt: ports.clock().toISOString(),
    };
    const ok = await ports.materials.reserve(
      file,
      { maxFiles: MAX_CASE_FILES, maxBytes: MAX_CASE_BYTES },
      audit(p, 'case.material-upload', c.id, `${c.number} ${body.name}`, meta),
    );
    if (!ok)
      throw new RuleError('MATERIAL_CAP', `每个办件最多 ${MAX_CASE_FILES} 个文件、共 ${MAX_CASE_BYTES / 1024 / 1024} MB，已达上限`, [
        { path: 'size', message: '已达本办件的文件上限' },
      ]);
  }
  const put = await ports.objects.presignPut(key, body.contentType, body.size, UPLOAD_URL_SECONDS);
  return { upload: { method: 'PUT' as const, url: put.url, headers: put.headers, materialId } };
};

/**
 * POST /api/cases/{id}/materials/{materialId}/confirm, after the upload: the object's first bytes
 * must say the declared type and its size the declared size; otherwise it is deleted and the file
 * refused (422). A confirmed file carries its SHA-256, as the archive package lists it.
 */
export const confirmUpload = async (ports: MaterialUseCasePorts, p: Principal, input: { id: string; materialId: string }, meta: RequestMeta) => {
  if (!hasScope(p, 'case.accept') && !hasScope(p, 'case.handle')) throw new ForbiddenError();
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record, true);
  const f = await ports.materials.get(c.id, input.materialId);
  if (!f) throw new NotFoundError('材料不存在');
  if (f.status === 'stored') return { material: fileView(f) };
  if (f.status === 'refused') throw new RuleError('MATERIAL_REFUSED', '该文件已被拒收，请重新上传');
  const head = await ports.objects.head(f.key);
  if (!head) throw new RuleError('MATERIAL_NOT_UPLOADED', '文件尚未上传完成，请上传后再确认');
  const bytes = head.size <= MAX_FILE_BYTES ? await ports.objects.get(f.key) : undefined;
  const sniffed = bytes ? sniffType(bytes.subarray(0, SNIFF_BYTES)) : undefined;
  if (!bytes || sniffed !== f.contentType || bytes.length !== f.size) {
    // refused and removed: nothing of a wrong file stays in the bucket
    await ports.objects.delete(f.key);
    await ports.materials.refused(
      c.id,
      f.materialId,
      ports.clock().toISOString(),
      audit(p, 'case.material-refused', c.id, `${c.number} ${f.name}`, meta, 'failure'),
    );
    const said = sniffed ? MATERIAL_TYPES[sniffed] : '无法识别的格式';
    throw new RuleError(
      'MATERIAL_CONTENT',
      bytes && bytes.length !== f.size
        ? '文件大小与申报不符，已删除，请重新上传'
        : `文件内容（${said}）与申报的 ${MATERIAL_TYPES[f.contentType]} 不符，只接受 PDF、JPEG、PNG，已删除`,
      [{ path: 'contentType', message: '文件内容与类型不符' }],
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = ports.clock().toISOString();
  await ports.materials.stored(c.id, f.materialId, at, sha256, audit(p, 'case.material-stored', c.id, `${c.number} ${f.name}`, meta));
  return { material: fileView({ ...f, status: 'stored', storedAt: at, sha256 }) };
};

/** GET /api/cases/{id}/materials: the case's stored files (no links: opening one is audited). */
export const listMaterials = async (ports: MaterialUseCasePorts, p: Principal, input: { id: string }) => {
  if (!hasScope(p, 'case.read')) throw new ForbiddenError();
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  return { materials: (await ports.materials.list(c.id)).filter((f) => f.status === 'stored').map(fileView) };
};

/**
 * POST /api/cases/{id}/materials/{materialId}/view: a one-minute download link, audited like the
 * full ID number (个人信息保护: a scan of an ID card is personal data) — the audit event is written
 * before the link is given.
 */
export const viewMaterial = async (ports: MaterialUseCasePorts, p: Principal, input: { id: string; materialId: string }, meta: RequestMeta) => {
  if (!hasScope(p, 'case.read')) throw new ForbiddenError();
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  const f = await ports.materials.get(c.id, input.materialId);
  if (!f || f.status !== 'stored') throw new NotFoundError('材料不存在');
  await ports.cases.commit([], [audit(p, 'case.material-view', c.id, `${c.number} ${f.name}`, meta)]);
  return { url: await ports.objects.presignGet(f.key, f.fileName ?? `${f.name}.${MATERIAL_TYPES[f.contentType].toLowerCase()}`, VIEW_URL_SECONDS) };
};
