import { httpHandler } from '../../shared/http/handler.ts';
import { idempotencyHeaders } from '../../shared/http/headers.ts';
import { intake } from '../../shared/cases/intake.ts';
import { intakeBody } from '../../shared/cases/model.ts';
import { casePorts } from '../../shared/app/wiring.ts';
import { staffView } from '../../shared/cases/views.ts';

const ports = casePorts();

/** POST /api/cases (Idempotency-Key header): 受理 → accepted / awaiting_supplement / not_accepted. */
export const handler = httpHandler('cases-create', { body: intakeBody, headers: idempotencyHeaders }, async (req) => {
  const r = await intake(ports, req.principal, { ...req.body, idempotencyKey: req.declared['idempotency-key'] }, req.meta);
  return { status: r.replayed ? 200 : 201, body: { case: staffView(r.case, req.principal) } };
});
