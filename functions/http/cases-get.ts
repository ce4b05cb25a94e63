import { httpHandler } from '../../shared/http/handler.ts';
import { getCase } from '../../shared/cases/queries.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

export const handler = httpHandler('cases-get', { params: caseIdParams }, async (req) => ({ body: await getCase(ports, req.principal, req.params) }));
