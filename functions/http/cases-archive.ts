import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { getArchive } from '../../shared/archive/archive.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** GET /api/cases/{id}/archive: the case's archive — pending before 办结, archived after, with its files and the four checks. */
export const handler = httpHandler('cases-archive', { params: caseIdParams }, async (req) => ({
  body: await getArchive(archivePorts(), req.principal, req.params),
}));
