import type { Probe } from './health.ts';
import { tableProbes } from './dynamo-health.ts';
import { queueProbes } from './sqs-health.ts';
import { topicProbes } from './sns-health.ts';

/** What /api/health asks: every table, queue and topic of the county. */
export const healthProbes = (): Probe[] => [...tableProbes(), ...queueProbes(), ...topicProbes()];
