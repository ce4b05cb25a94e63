import type { TodoSources } from './ports.ts';
import { todoSourcesOf, type TodoStores } from './sources.ts';

/** The to-do list's sources in memory, over the contexts' memory stores (the same contract as dynamo-todos.ts). */
export const memoryTodoSources = (stores: TodoStores): TodoSources => todoSourcesOf(stores);
