import { PublishCommand } from '@aws-sdk/client-sns';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, snsClient } from '../aws/clients.ts';
import { tableName, topicArn } from '../platform/env.ts';
import { caseKeys } from '../db/keys.ts';
import { addDays, chinaDate } from '../calendar/working-days.ts';

/** The county's figures of yesterday, from the incrementally kept daily counters (no scan). */
export const dailyDigest = async (now: Date) => {
  const day = addDays(chinaDate(now), -1).replaceAll('-', '');
  const r = await dynamo().send(new GetCommand({ TableName: tableName('cases'), Key: caseKeys.dailyStats('*', day) }));
  const s = r.Item ?? {};
  const figures = {
    day,
    taken: Number(s.taken ?? 0),
    decidedOnTime: Number(s.decidedOnTime ?? 0),
    decidedLate: Number(s.decidedLate ?? 0),
    immediateSameDay: Number(s.immediateSameDay ?? 0),
  };
  await snsClient().send(
    new PublishCommand({
      TopicArn: topicArn('supervision'),
      Subject: `便民服务日报 ${day}`,
      Message: `受理 ${figures.taken} 件；按时办结 ${figures.decidedOnTime} 件；超期办结 ${figures.decidedLate} 件；即办件当日办结 ${figures.immediateSameDay} 件。`,
    }),
  );
  return figures;
};
