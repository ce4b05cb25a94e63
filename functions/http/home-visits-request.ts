import { httpHandler } from '../../shared/http/handler.ts';
import { requestHomeVisit } from '../../shared/hall/home-visits.ts';
import { homeVisitBody } from '../../shared/hall/model.ts';
import { homeVisitPorts } from '../../shared/hall/wiring.ts';

const ports = homeVisitPorts();

/** POST /api/hall/home-visits: 上门服务 — the center sends the village's agent on a working day (201). */
export const handler = httpHandler('home-visits-request', { body: homeVisitBody }, async (req) => ({
  status: 201,
  body: await requestHomeVisit(ports, req.principal, req.body, req.meta),
}));
