import { describe } from 'vitest';
import { memoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import { memoryHallStore } from '../../../shared/hall/memory-hall.ts';
import { memoryRatingStore } from '../../../shared/ratings/memory-ratings.ts';
import { memorySupervisionStore } from '../../../shared/supervision/memory-supervision.ts';
import { memoryTodoSources } from '../../../shared/todos/memory-todos.ts';
import { todoSourcesContract } from './sources-contract.ts';

describe('the memory to-do sources keep the contract', () => {
  todoSourcesContract(() => {
    const stores = { cases: memoryCaseStore(), orders: memorySupervisionStore(), ratings: memoryRatingStore(), hall: memoryHallStore() };
    return { stores, sources: memoryTodoSources(stores) };
  });
});
