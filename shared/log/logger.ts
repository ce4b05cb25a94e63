import { Logger } from '@aws-lambda-powertools/logger';
import { redactText } from '../privacy/mask.ts';

/**
 * One JSON logger per container. Every string value that is serialized passes the replacer, so
 * an ID number or mobile number that slips into a message, a key or an error is masked before
 * it reaches CloudWatch (等保: personal data stays out of logs).
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'bianmin',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
  jsonReplacerFn: (_key: string, value: unknown) => (typeof value === 'string' ? redactText(value) : value),
});
