import { httpHandler } from '../../shared/http/handler.ts';
import { auditQuery, browseAudit } from '../../shared/audit/browse.ts';
import { auditWorkbook } from '../../shared/audit/export.ts';
import { actorOf } from '../../shared/audit/audit.ts';
import { writeAudit } from '../../shared/audit/dynamo-audit.ts';

/** GET /api/audit/export: the same filters, as an Excel workbook; the export is itself audited. */
export const handler = httpHandler('audit-export', { query: auditQuery }, async (req) => {
  const p = req.principal;
  const { events } = await browseAudit(req.query);
  const file = await auditWorkbook(events);
  await writeAudit({ actor: actorOf(p), action: 'audit.export', result: 'success', sourceIp: req.meta.sourceIp, userAgent: req.meta.userAgent, detail: `${events.length} rows` });
  const day = new Date().toISOString().slice(0, 10);
  return { file: { base64: file.toString('base64'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `审计记录-${day}.xlsx` } };
});
