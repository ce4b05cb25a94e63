import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { snsClient } from '../aws/sns-client.ts';
import { topicArn } from './env.ts';
import { TOPICS } from './queues.ts';
import type { Probe } from './health.ts';

/** One probe per topic: GetTopicAttributes (nothing published). */
export const topicProbes = (): Probe[] =>
  TOPICS.map((t) => ({ kind: 'topic', id: t.id, run: () => snsClient().send(new GetTopicAttributesCommand({ TopicArn: topicArn(t.id) })) }));
