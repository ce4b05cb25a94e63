import { httpHandler } from '../../shared/http/handler.ts';
import { caseNumberParams, publicKeyQuery } from '../../shared/ratings/model.ts';
import { publicRatingState } from '../../shared/ratings/rate.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** GET /api/public/cases/{number}/rating?phone4=NNNN: rated yet? (the page offers a rating or the one follow-up). */
export const handler = httpHandler('public-rating-get', { params: caseNumberParams, query: publicKeyQuery }, async (req) => ({
  body: await publicRatingState(ports, { ...req.query, number: req.params.number }, req.meta),
}));
