import { httpHandler } from '../../shared/http/handler.ts';
import { evaluatorPushBody } from '../../shared/ratings/model.ts';
import { pushToEvaluator } from '../../shared/ratings/rate.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/ratings/evaluator: the clerk puts the case just handled on the window's evaluator. */
export const handler = httpHandler('ratings-evaluator-push', { body: evaluatorPushBody }, async (req) => ({
  body: await pushToEvaluator(ports, req.principal, req.body, req.meta),
}));
