import { httpHandler } from '../../shared/http/handler.ts';
import { ValidationError } from '../../shared/errors/domain-errors.ts';
import { intake } from '../../shared/cases/intake.ts';
import { idempotencyKey, intakeBody } from '../../shared/cases/model.ts';
import { casePorts } from '../../shared/cases/wiring.ts';
import { staffView } from '../../shared/cases/views.ts';

const ports = casePorts();

/** POST /api/cases (Idempotency-Key header): 受理 → accepted / awaiting_supplement / not_accepted. */
export const handler = httpHandler('cases-create', { body: intakeBody }, async (req) => {
  const key = idempotencyKey.safeParse(req.headers['idempotency-key']);
  if (!key.success) throw new ValidationError('缺少或无效的 Idempotency-Key 请求头', [{ path: 'Idempotency-Key', message: key.error.issues[0]!.message }]);
  const r = await intake(ports, req.principal, { ...req.body, idempotencyKey: key.data }, req.meta);
  return { status: r.replayed ? 200 : 201, body: { case: staffView(r.case, req.principal) } };
});
