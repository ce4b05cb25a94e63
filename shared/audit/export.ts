import { writeXlsx, type CellValue } from '../sheets/xlsx.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { bjDate, bjDateTimeSeconds } from '../platform/beijing-time.ts';
import { actionLabel, detailLabel, targetLabel } from './labels.ts';
import { actorLabel, actorOf, type AuditCaller, type AuditEvent, type AuditInput } from './audit.ts';
import { browseAudit, type AuditBrowsePorts, type AuditQuery } from './browse.ts';
import type { OfficeNames } from '../offices/ports.ts';

export { actionLabel } from './labels.ts';

const COLUMNS: ReadonlyArray<[header: string, width: number]> = [
  ['时间（北京时间）', 22],
  ['操作人', 18],
  ['所属机构', 22],
  ['操作', 16],
  ['对象', 40],
  ['结果', 8],
  ['来源地址', 16],
  ['终端', 40],
  ['说明', 30],
  // raw codes for machines and investigators, after the columns people read
  ['操作代码', 24],
  ['对象代码', 44],
  ['操作人账号', 18],
];

/** 审计记录 as an XLSX workbook with Chinese headers, times in Beijing time, offices by name. */
export const auditWorkbook = async (events: readonly AuditEvent[], officeNames: ReadonlyMap<string, string> = new Map()): Promise<Buffer> => {
  const rows: CellValue[][] = events.map((e) => [
    bjDateTimeSeconds(e.at),
    actorLabel(e.actor),
    // an office removed since keeps its id: the row still says where the actor was
    'officeId' in e.actor && e.actor.officeId ? (officeNames.get(e.actor.officeId) ?? e.actor.officeId) : '',
    actionLabel(e.action),
    targetLabel(e),
    e.result === 'success' ? '成功' : '失败',
    e.sourceIp,
    e.userAgent,
    detailLabel(e, officeNames),
    e.action,
    e.target ? `${e.target.type}:${e.target.id}` : '',
    'username' in e.actor ? e.actor.username : '',
  ]);
  const sheet = { name: '审计记录', rows: [COLUMNS.map(([h]) => h), ...rows], widths: COLUMNS.map(([, w]) => w) };
  return Buffer.from(await writeXlsx([sheet]));
};

export interface AuditExportPorts extends AuditBrowsePorts {
  writeAudit(input: AuditInput): Promise<void>;
  /** 所属机构 by name in the workbook. */
  offices: OfficeNames;
}

export interface AuditExport {
  file: Buffer;
  filename: string;
  contentType: string;
  rows: number;
}

/**
 * The same filters as the browse, as a workbook. Reading the trail is itself recorded: the
 * workbook is handed out only once its audit event is written.
 */
export const exportAudit = async (ports: AuditExportPorts, principal: AuditCaller, q: AuditQuery, meta: RequestMeta): Promise<AuditExport> => {
  const { events } = await browseAudit(ports, principal, q);
  const file = await auditWorkbook(events, await ports.offices.names());
  await ports.writeAudit({ actor: actorOf(principal), action: 'audit.export', result: 'success', ...meta, detail: `${events.length} rows` });
  return {
    file,
    filename: `审计记录-${bjDate(ports.clock())}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: events.length,
  };
};
