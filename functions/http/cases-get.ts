import { httpHandler } from '../../shared/http/handler.ts';
import { getCase } from '../../shared/cases/queries.ts';
import { caseIdParams } from '../../shared/cases/model.ts';

export const handler = httpHandler('cases-get', { params: caseIdParams }, async (req) => ({ body: await getCase(req.principal, req.params.id) }));
