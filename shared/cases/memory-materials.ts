import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { MaterialStore } from './ports.ts';
import type { MaterialFile } from './materials-model.ts';

/** MaterialStore in memory (unit tests): the same conditions as on DynamoDB. */
export const memoryMaterialStore = (): MaterialStore & { audits: AuditInput[] } => {
  const files = new Map<string, MaterialFile>();
  const totals = new Map<string, { n: number; bytes: number }>();
  const audits: AuditInput[] = [];
  const k = (c: string, m: string) => `${c}/${m}`;
  const pending = (c: string, m: string) => {
    const f = files.get(k(c, m));
    if (!f || f.status !== 'pending') throw new ConflictError('MATERIAL_NOT_PENDING', '该文件已确认或已被拒收');
    return f;
  };
  return {
    audits,
    reserve: async (file, caps, audit) => {
      const t = totals.get(file.caseId) ?? { n: 0, bytes: 0 };
      if (totals.has(file.caseId) && !(t.n < caps.maxFiles && t.bytes <= caps.maxBytes - file.size)) return false;
      if (files.has(k(file.caseId, file.materialId))) throw new ConflictError('MATERIAL_EXISTS', '该材料编号已被使用');
      files.set(k(file.caseId, file.materialId), structuredClone(file));
      totals.set(file.caseId, { n: t.n + 1, bytes: t.bytes + file.size });
      audits.push(audit);
      return true;
    },
    get: async (c, m) => structuredClone(files.get(k(c, m))),
    list: async (c) => [...files.values()].filter((f) => f.caseId === c).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    stored: async (c, m, at, sha256, audit) => {
      const f = pending(c, m);
      Object.assign(f, { status: 'stored', storedAt: at, sha256 });
      audits.push(audit);
    },
    refused: async (c, m, _at, audit) => {
      const f = pending(c, m);
      f.status = 'refused';
      const t = totals.get(c)!;
      totals.set(c, { n: t.n - 1, bytes: t.bytes - f.size });
      audits.push(audit);
    },
  };
};
