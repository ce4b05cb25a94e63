import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { publicStatus } from '../../shared/cases/queries.ts';
import { casePorts } from '../../shared/cases/wiring.ts';

const ports = casePorts();

/** GET /api/public/cases/{number}?phone4=NNNN: the citizen's progress page. Public, rate-limited. */
export const handler = httpHandler(
  'public-case-status',
  {
    params: z.object({ number: z.string().regex(/^\d{6}-\d{8}-\d{4,}$/, '受理编号格式如 411521-20261122-0042') }),
    query: z.object({ phone4: z.string().regex(/^\d{4}$/, '请填写手机号后四位') }),
  },
  async (req) => ({ body: await publicStatus(ports, req.principal, { number: req.params.number, phone4: req.query.phone4 }, req.meta) }),
);
