import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoRatingStore } from '../../../shared/ratings/dynamo-ratings.ts';
import { s3FeedStore } from '../../../shared/ratings/s3-feed.ts';
import { feedStoreContract } from '../../unit/ratings/feed-store-contract.ts';
import { ratingStoreContract } from '../../unit/ratings/store-contract.ts';

/** The ratings' adapters against DynamoDB Local and the local S3 (fauxqs): the same contracts the fakes keep. */
describe('the DynamoDB RatingStore and the S3 FeedStore keep their contracts', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  describe('RatingStore contract (DynamoDB Local)', () => ratingStoreContract(dynamoRatingStore));
  describe('FeedStore contract (fauxqs S3)', () => feedStoreContract(s3FeedStore));
});
