import { httpHandler } from '../../shared/http/handler.ts';
import { exportTransfer } from '../../shared/archive/archive.ts';
import { archiveTransferQuery } from '../../shared/archive/schemas.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** GET /api/archive/transfer?year=: 移交 — the year's packages and the 移交清单 in one zip (audited). */
export const handler = httpHandler('archive-transfer', { query: archiveTransferQuery }, async (req) => {
  const t = await exportTransfer(archivePorts(), req.principal, req.query, req.meta);
  return { file: { base64: Buffer.from(t.zip).toString('base64'), contentType: 'application/zip', filename: t.filename } };
});
