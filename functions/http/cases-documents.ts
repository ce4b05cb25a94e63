import { httpHandler } from '../../shared/http/handler.ts';
import { caseDocumentPdf, documentParams } from '../../shared/documents/case-documents.ts';
import { documentPorts, documentSettings } from '../../shared/documents/wiring.ts';

/** GET /api/cases/{id}/documents/{kind}: the receipt, 一次性告知书, 不予受理通知书 or 办结通知书 as PDF. */
export const handler = httpHandler('cases-documents', { params: documentParams }, async (req) => {
  const pdf = await caseDocumentPdf(documentPorts(), req.principal, req.params, documentSettings(req.headers.origin));
  return { file: { base64: Buffer.from(pdf.bytes).toString('base64'), contentType: 'application/pdf', filename: pdf.filename } };
});
