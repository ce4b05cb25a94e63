import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { caseKeys } from '../../../shared/db/keys.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { scheduledEvent } from '../../../local/scheduler.ts';
import { SCHEDULES } from '../../../shared/platform/schedules.ts';
import { subscribeQueue } from './topic-queue.ts';

describe('daily digest against the emulators', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it("publishes yesterday's county counters to the supervision topic", async () => {
    const mailbox = await subscribeQueue(stack.env.TOPIC_SUPERVISION!);
    // the counters as the cases context keeps them: ADD per office and for the county (`*`)
    const add = (officeId: string, day: string, values: Record<string, number>) =>
      dynamo().send(
        new UpdateCommand({
          TableName: stack.env.TABLE_CASES,
          Key: caseKeys.dailyStats(officeId, day),
          UpdateExpression: `ADD ${Object.keys(values).map((k, i) => `#k${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(Object.keys(values).map((k, i) => [`#k${i}`, k])),
          ExpressionAttributeValues: Object.fromEntries(Object.values(values).map((v, i) => [`:v${i}`, v])),
        }),
      );
    await add('*', '20261119', { taken: 7, decidedOnTime: 5, decidedLate: 1, immediateSameDay: 3 });
    await add('411521-lingshan', '20261119', { taken: 2 });
    await add('*', '20261120', { taken: 40 });

    const handler = await loadHandler('schedules', 'daily-digest');
    const event = scheduledEvent(SCHEDULES.find((s) => s.id === 'daily-digest')!, 'cn-north-1');
    const r = await handler({ ...event, detail: { now: '2026-11-20T00:30:00Z' } }, lambdaContext('daily-digest'));
    expect(r).toEqual({ day: '20261119', taken: 7, decidedOnTime: 5, decidedLate: 1, immediateSameDay: 3 });
    expect(await mailbox.drain(1)).toEqual([{ subject: '便民服务日报 20261119', message: '受理 7 件；按时办结 5 件；超期办结 1 件；即办件当日办结 3 件。' }]);
  });
});
