import { httpHandler } from '../../shared/http/handler.ts';
import { caseNumberParams, publicRatingBody } from '../../shared/ratings/model.ts';
import { ratePublic } from '../../shared/ratings/rate.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/public/cases/{number}/rating: 好差评 from the receipt's QR or the status page (no login). */
export const handler = httpHandler('public-rating', { params: caseNumberParams, body: publicRatingBody }, async (req) => ({
  status: 201,
  body: await ratePublic(ports, { ...req.body, number: req.params.number }, req.meta),
}));
