import { httpHandler } from '../../shared/http/handler.ts';
import { staffRatingBody } from '../../shared/ratings/model.ts';
import { rateByStaff } from '../../shared/ratings/rate.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/ratings: the citizen's tap on the window's evaluator, or a hotline rating written down by staff. */
export const handler = httpHandler('ratings-create', { body: staffRatingBody }, async (req) => ({
  status: 201,
  body: await rateByStaff(ports, req.principal, req.body, req.meta),
}));
