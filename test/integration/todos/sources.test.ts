import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoCaseStore } from '../../../shared/cases/dynamo-cases.ts';
import { dynamoHallStore } from '../../../shared/hall/dynamo-hall.ts';
import { dynamoRatingStore } from '../../../shared/ratings/dynamo-ratings.ts';
import { dynamoAlertStore } from '../../../shared/supervision/dynamo-alerts.ts';
import { dynamoTodoSources } from '../../../shared/todos/dynamo-todos.ts';
import { todoSourcesContract } from '../../unit/todos/sources-contract.ts';

/** The to-do list's sources on DynamoDB Local keep the contract the memory ones keep. */
describe('the DynamoDB to-do sources keep the contract', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  todoSourcesContract(() => ({
    stores: { cases: dynamoCaseStore(), orders: dynamoAlertStore(), ratings: dynamoRatingStore(), hall: dynamoHallStore() },
    sources: dynamoTodoSources(),
  }));
});
