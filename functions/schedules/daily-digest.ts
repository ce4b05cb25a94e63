import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../shared/log/logger.ts';
import { dailyDigest } from '../../shared/supervision/daily-digest.ts';

/** 08:30 Beijing: yesterday's figures to the supervisors. */
export const handler = middy(async () => dailyDigest(new Date())).use(injectLambdaContext(logger, { resetKeys: true }));
