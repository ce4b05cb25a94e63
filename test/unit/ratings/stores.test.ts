import { describe } from 'vitest';
import { memoryFeedStore } from '../../../shared/ratings/memory-feed.ts';
import { memoryRatingStore } from '../../../shared/ratings/memory-ratings.ts';
import { feedStoreContract } from './feed-store-contract.ts';
import { ratingStoreContract } from './store-contract.ts';

describe('RatingStore contract (memory)', () => ratingStoreContract(() => memoryRatingStore()));
describe('FeedStore contract (memory)', () => feedStoreContract(() => memoryFeedStore()));
