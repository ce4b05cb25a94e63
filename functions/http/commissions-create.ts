import { httpHandler } from '../../shared/http/handler.ts';
import { idempotencyKey } from '../../shared/cases/model.ts';
import { ValidationError } from '../../shared/errors/domain-errors.ts';
import { commissionView, createCommission } from '../../shared/network/commissions.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/network/wiring.ts';

const ports = networkPorts();

/** POST /api/commissions (village agent): 委托 — 201; an Idempotency-Key makes a resend on a weak link the same commission (200). */
export const handler = httpHandler('commissions-create', { body: networkBodies.commission }, async (req) => {
  const raw = req.headers['idempotency-key'];
  const key = raw === undefined ? undefined : idempotencyKey.safeParse(raw);
  if (key && !key.success) throw new ValidationError('无效的 Idempotency-Key 请求头', [{ path: 'Idempotency-Key', message: key.error.issues[0]!.message }]);
  const r = await createCommission(ports, req.principal, { ...req.body, idempotencyKey: key?.data }, req.meta);
  return { status: r.replayed ? 200 : 201, body: { commission: commissionView(r.commission, ports.clock()) } };
});
