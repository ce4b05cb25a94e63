import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { finishHomeVisit } from '../../shared/hall/home-visits.ts';
import { homeVisitDoneBody } from '../../shared/hall/model.ts';
import { homeVisitPorts } from '../../shared/hall/wiring.ts';

const ports = homeVisitPorts();

/** POST /api/home-visits/{id}/done `{result}`: the village's agent closes the visit with what was done. */
export const handler = httpHandler('home-visits-done', { params: z.object({ id: z.string().uuid('编号有误') }), body: homeVisitDoneBody }, async (req) => ({
  body: await finishHomeVisit(ports, req.principal, req.params.id, req.body.result, req.meta),
}));
