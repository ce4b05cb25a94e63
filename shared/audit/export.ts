import ExcelJS from 'exceljs';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { bjDate, bjDateTimeSeconds } from '../platform/beijing-time.ts';
import { actionLabel, detailLabel, targetLabel } from './labels.ts';
import { actorLabel, actorOf, type AuditEvent, type AuditInput } from './audit.ts';
import { browseAudit, type AuditBrowsePorts, type AuditQuery } from './browse.ts';
import type { OfficeNames } from '../ratings/offices.ts';

export { actionLabel } from './labels.ts';

/** 审计记录 as an XLSX workbook with Chinese headers, times in Beijing time, offices by name. */
export const auditWorkbook = async (events: readonly AuditEvent[], officeNames: ReadonlyMap<string, string> = new Map()): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计记录');
  ws.columns = [
    { header: '时间（北京时间）', key: 'at', width: 22 },
    { header: '操作人', key: 'actor', width: 18 },
    { header: '所属机构', key: 'office', width: 22 },
    { header: '操作', key: 'action', width: 16 },
    { header: '对象', key: 'target', width: 40 },
    { header: '结果', key: 'result', width: 8 },
    { header: '来源地址', key: 'ip', width: 16 },
    { header: '终端', key: 'ua', width: 40 },
    { header: '说明', key: 'detail', width: 30 },
    // raw codes for machines and investigators, after the columns people read
    { header: '操作代码', key: 'actionCode', width: 24 },
    { header: '对象代码', key: 'targetCode', width: 44 },
    { header: '操作人账号', key: 'actorCode', width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of events) {
    ws.addRow({
      at: bjDateTimeSeconds(e.at),
      actor: actorLabel(e.actor),
      // an office removed since keeps its id: the row still says where the actor was
      office: 'officeId' in e.actor && e.actor.officeId ? (officeNames.get(e.actor.officeId) ?? e.actor.officeId) : '',
      action: actionLabel(e.action),
      target: targetLabel(e),
      result: e.result === 'success' ? '成功' : '失败',
      ip: e.sourceIp,
      ua: e.userAgent,
      detail: detailLabel(e, officeNames),
      actionCode: e.action,
      targetCode: e.target ? `${e.target.type}:${e.target.id}` : '',
      actorCode: 'username' in e.actor ? e.actor.username : '',
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
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
export const exportAudit = async (ports: AuditExportPorts, principal: Principal, q: AuditQuery, meta: RequestMeta): Promise<AuditExport> => {
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
