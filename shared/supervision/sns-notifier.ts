import { PublishCommand } from '@aws-sdk/client-sns';
import { snsClient } from '../aws/clients.ts';
import { topicArn } from '../platform/env.ts';
import type { TopicId } from '../platform/queues.ts';
import type { Notifier } from './ports.ts';

/** Notifier on an SNS topic of the county (the ARN is read at each publish, as tests re-point it). */
export const snsNotifier = (topic: TopicId = 'supervision'): Notifier => ({
  publish: async ({ subject, message }) => {
    await snsClient().send(new PublishCommand({ TopicArn: topicArn(topic), Subject: subject, Message: message }));
  },
});
