import { httpHandler } from '../../shared/http/handler.ts';
import { viewIdNumber } from '../../shared/cases/queries.ts';
import { caseIdParams } from '../../shared/cases/model.ts';

/** POST /api/cases/{id}/view-id: the full ID number and phone, audited. */
export const handler = httpHandler('cases-view-id', { params: caseIdParams }, async (req) => ({
  body: await viewIdNumber(req.principal, req.params.id, req.meta),
}));
