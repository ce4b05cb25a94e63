import { httpHandler } from '../../shared/http/handler.ts';
import { optionalIdempotencyHeaders } from '../../shared/http/headers.ts';
import { createCommission } from '../../shared/network/commissions.ts';
import { commissionView } from '../../shared/network/commission-views.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/commissions (village agent): 委托 — 201; an Idempotency-Key makes a resend on a weak link the same commission (200). */
export const handler = httpHandler('commissions-create', { body: networkBodies.commission, headers: optionalIdempotencyHeaders }, async (req) => {
  const r = await createCommission(ports, req.principal, { ...req.body, idempotencyKey: req.declared['idempotency-key'] }, req.meta);
  return { status: r.replayed ? 200 : 201, body: { commission: commissionView(r.commission, ports.clock()) } };
});
