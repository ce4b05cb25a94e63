import { httpHandler } from '../../shared/http/handler.ts';
import { dashboardQuery, exportDashboard } from '../../shared/supervision/dashboard.ts';
import { dashboardPorts } from '../../shared/supervision/wiring.ts';

const ports = dashboardPorts();

/** GET /api/dashboard/export: the same figures as an Excel workbook (audited). */
export const handler = httpHandler('dashboard-export', { query: dashboardQuery }, async (req) => {
  const x = await exportDashboard(ports, req.principal, req.query, req.meta);
  return { file: { base64: Buffer.from(x.file).toString('base64'), contentType: x.contentType, filename: x.filename } };
});
