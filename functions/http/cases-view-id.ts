import { httpHandler } from '../../shared/http/handler.ts';
import { viewIdNumber } from '../../shared/cases/queries.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { casePorts } from '../../shared/app/wiring.ts';

const ports = casePorts();

/** POST /api/cases/{id}/view-id: the full ID number, audited. */
export const handler = httpHandler('cases-view-id', { params: caseIdParams }, async (req) => ({
  body: await viewIdNumber(ports, req.principal, req.params, req.meta),
}));
