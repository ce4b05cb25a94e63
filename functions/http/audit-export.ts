import { httpHandler } from '../../shared/http/handler.ts';
import { auditQuery } from '../../shared/audit/browse.ts';
import { exportAudit } from '../../shared/audit/export.ts';
import { auditReadPorts } from '../../shared/audit/wiring.ts';

const ports = auditReadPorts();

/** GET /api/audit/export: the same filters, as an Excel workbook; the export is itself audited. */
export const handler = httpHandler('audit-export', { query: auditQuery }, async (req) => {
  const x = await exportAudit(ports, req.principal, req.query, req.meta);
  return { file: { base64: x.file.toString('base64'), contentType: x.contentType, filename: x.filename } };
});
