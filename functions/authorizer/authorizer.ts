import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { authorizeToken } from '../../shared/identity/authorize.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';
import { logger } from '../../shared/log/logger.ts';
import { isWarmUp } from '../../shared/platform/keep-warm.ts';

const ports = identityPorts();

/**
 * REQUEST authorizer of the REST API: `Authorization: Bearer <jwt>` → principal in the context.
 * Throwing 'Unauthorized' makes API Gateway answer 401. The policy allows the whole stage so a
 * cached result serves every route (the route's own scope is checked by the handler factory).
 */
export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  // the keep-warm schedule's ping (shared/platform/keep-warm.ts): no token, no policy, no error
  if (isWarmUp(event)) return { principalId: 'warm-up', policyDocument: { Version: '2012-10-17', Statement: [] } };
  const header = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  if (!token) throw new Error('Unauthorized');
  let principal;
  try {
    principal = await authorizeToken(ports, token);
  } catch (e) {
    logger.info('token refused', { reason: (e as Error).message });
    throw new Error('Unauthorized');
  }
  const [arnPrefix, stage] = event.methodArn.split('/');
  return {
    principalId: principal.userId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${arnPrefix}/${stage}/*` }],
    },
    context: { principal: JSON.stringify(principal) },
  };
};
