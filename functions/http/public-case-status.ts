import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { publicStatus } from '../../shared/cases/queries.ts';
import { casePorts } from '../../shared/app/wiring.ts';

const ports = casePorts();

/** The receipt's QR carries the 查询码; a typed look-up gives the last four phone digits instead. */
const lookup = z.union(
  [
    z.object({
      code: z
        .string()
        .trim()
        .max(10, '查询码为 10 位字母或数字')
        .regex(/^[0-9A-Za-z]{10}$/, '查询码为 10 位字母或数字'),
    }),
    z.object({
      phone4: z
        .string()
        .max(4, '请填写手机号后四位')
        .regex(/^\d{4}$/, '请填写手机号后四位'),
    }),
  ],
  { error: '请填写手机号后四位' },
);

/** GET /api/public/cases/{number}?phone4=NNNN | ?code=XXXXXXXXXX: the citizen's progress page. Public, rate-limited. */
export const handler = httpHandler(
  'public-case-status',
  {
    params: z.object({
      number: z
        .string()
        .max(40, '受理编号过长')
        .regex(/^\d{6}-\d{8}-\d{4,}$/, '受理编号格式如 411521-20261122-0042'),
    }),
    query: lookup,
  },
  async (req) => ({ body: await publicStatus(ports, req.principal, { number: req.params.number, ...req.query }, req.meta) }),
);
