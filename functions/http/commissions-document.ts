import { httpHandler } from '../../shared/http/handler.ts';
import { commissionParams } from '../../shared/network/model.ts';
import { commissionDocumentPdf } from '../../shared/documents/case-documents.ts';
import { documentPorts, documentSettings } from '../../shared/documents/wiring.ts';

/** GET /api/commissions/{id}/document: the 委托代办单 as PDF. */
export const handler = httpHandler('commissions-document', { params: commissionParams }, async (req) => {
  const pdf = await commissionDocumentPdf(documentPorts(), req.principal, req.params, documentSettings(req.headers.origin));
  return { file: { base64: Buffer.from(pdf.bytes).toString('base64'), contentType: 'application/pdf', filename: pdf.filename } };
});
