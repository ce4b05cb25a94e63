import { httpHandler } from '../../shared/http/handler.ts';
import { createOffice } from '../../shared/identity/staff.ts';
import { createOfficeBody } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/wiring.ts';

const ports = staffPorts();

export const handler = httpHandler('offices-create', { body: createOfficeBody }, async (req) => ({
  status: 201,
  body: { office: await createOffice(ports, req.principal, req.body, req.meta) },
}));
