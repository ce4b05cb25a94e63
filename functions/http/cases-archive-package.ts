import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { downloadPackage } from '../../shared/archive/archive.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** GET /api/cases/{id}/archive/package: the package (zip) as stored; the download is audited. */
export const handler = httpHandler('cases-archive-package', { params: caseIdParams }, async (req) => {
  const p = await downloadPackage(archivePorts(), req.principal, req.params, req.meta);
  return { file: { base64: Buffer.from(p.zip).toString('base64'), contentType: 'application/zip', filename: p.filename } };
});
