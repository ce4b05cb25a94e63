import { httpHandler } from '../../shared/http/handler.ts';
import { approveDestruction } from '../../shared/archive/archive.ts';
import { destructionBody } from '../../shared/archive/schemas.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** POST /api/archive/destruction `{"caseId"}`: one county admin's approval; the second admin's destroys the package. */
export const handler = httpHandler('archive-destruction-approve', { body: destructionBody }, async (req) => ({
  body: await approveDestruction(archivePorts(), req.principal, req.body, req.meta),
}));
