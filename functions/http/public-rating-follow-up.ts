import { httpHandler } from '../../shared/http/handler.ts';
import { caseNumberParams, followUpBody } from '../../shared/ratings/model.ts';
import { followUpPublic } from '../../shared/ratings/rate.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/public/cases/{number}/rating/follow-up: the citizen's one 追评. */
export const handler = httpHandler('public-rating-follow-up', { params: caseNumberParams, body: followUpBody }, async (req) => ({
  status: 201,
  body: await followUpPublic(ports, { ...req.body, number: req.params.number }, req.meta),
}));
