import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { dynamoHallStore } from '../hall/dynamo-hall.ts';
import { dynamoRatingStore } from '../ratings/dynamo-ratings.ts';
import { dynamoAlertStore } from '../supervision/dynamo-alerts.ts';
import type { TodoSources } from './ports.ts';
import { todoSourcesOf } from './sources.ts';

/** The to-do list's sources on DynamoDB: N1, K4, K5 (cases), S6 (督办单), R3a (open 差评 tasks), H10 (open home visits). */
export const dynamoTodoSources = (): TodoSources =>
  todoSourcesOf({ cases: dynamoCaseStore(), orders: dynamoAlertStore(), ratings: dynamoRatingStore(), hall: dynamoHallStore() });
