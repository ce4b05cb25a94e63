import { httpHandler } from '../../shared/http/handler.ts';
import { evaluatorPending } from '../../shared/ratings/rate.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** GET /api/ratings/evaluator: the case waiting on this window's evaluator (the tablet polls it). */
export const handler = httpHandler('ratings-evaluator-get', {}, async (req) => ({ body: await evaluatorPending(ports, req.principal) }));
