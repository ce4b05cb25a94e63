import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { logger } from '../log/logger.ts';

/**
 * A Lambda-backed CloudFormation custom resource without the provider framework (one function,
 * no extra singleton Lambdas): the handler must PUT its outcome to the pre-signed response URL,
 * always — a custom resource that never answers holds the stack for an hour.
 */
export type CustomResourceWork = (event: CloudFormationCustomResourceEvent) => Promise<{ data?: Record<string, string>; reason?: string }>;

/** The response body must stay under 4 KB: data is trimmed to short strings. */
const respond = async (event: CloudFormationCustomResourceEvent, status: 'SUCCESS' | 'FAILED', reason: string, data: Record<string, string> = {}) => {
  const body = JSON.stringify({
    Status: status,
    Reason: reason.slice(0, 1000),
    PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : `${event.LogicalResourceId}-${event.StackId.split('/').pop()}`,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.slice(0, 200)])),
  });
  const res = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!res.ok) throw new Error(`custom resource response refused: ${res.status}`);
};

export const customResourceHandler =
  (onCreateOrUpdate: CustomResourceWork) =>
  async (event: CloudFormationCustomResourceEvent): Promise<void> => {
    logger.info('custom resource', { requestType: event.RequestType, logicalId: event.LogicalResourceId });
    if (event.RequestType === 'Delete') return respond(event, 'SUCCESS', 'nothing to undo');
    try {
      const { data, reason } = await onCreateOrUpdate(event);
      await respond(event, 'SUCCESS', reason ?? 'done', data);
    } catch (e) {
      logger.error('custom resource failed', { error: e as Error });
      await respond(event, 'FAILED', `${(e as Error).name}: ${(e as Error).message}`);
    }
  };
