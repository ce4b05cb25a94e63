import { httpHandler } from '../../shared/http/handler.ts';
import { getCommission } from '../../shared/network/commission-views.ts';
import { commissionParams } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** GET /api/commissions/{id}: the commission (its station, its township, county-wide readers), with its case's state. */
export const handler = httpHandler('commissions-get', { params: commissionParams }, async (req) => ({
  body: await getCommission(ports, req.principal, req.params),
}));
