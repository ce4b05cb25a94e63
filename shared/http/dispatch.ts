import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, SQSEvent } from 'aws-lambda';
import { isWarmUp } from '../platform/keep-warm.ts';
import { API_HEADERS } from '../platform/security-headers.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem.ts';

type RouteHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * One deployed function serves the routes of a context (shared/platform/functions.ts): API
 * Gateway names the route in `resource` (the path template) and the method; each route keeps its
 * own handler module with its own schemas and scope, exactly as the local gateway runs it.
 */
export const dispatch =
  (routes: Readonly<Record<string, RouteHandler>>, queue?: (event: SQSEvent, context: Context) => Promise<unknown>): RouteHandler =>
  async (event, context) => {
    // a queue this function hosts (shared/platform/queues.ts `host`): its records go to the queue's consumer
    if (queue && Array.isArray((event as unknown as SQSEvent).Records)) return queue(event as unknown as SQSEvent, context) as never;
    // the keep-warm schedule's ping: the container is warm now, nothing else to do
    if (isWarmUp(event)) return { statusCode: 204, body: '' };
    const handler = routes[`${event.httpMethod} ${event.resource}`];
    if (!handler)
      return {
        statusCode: 404,
        headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...API_HEADERS },
        body: JSON.stringify(problemBody(404, { code: 'NOT_FOUND', message: '接口不存在' })),
      };
    return handler(event, context);
  };
