import { useQuery } from '@tanstack/react-query';
import type { TodoList } from '@shared/todos/model.ts';
import { api } from '../../shell/api.ts';

/** One key for the list and the menu's counts: the workbench and every badge share one request. */
export const todoKeys = { all: ['todos'] as const };

/** What the signed-in person must do next; refreshed each minute while a page is open, and on each visit. */
export const useTodos = (enabled = true) =>
  useQuery({
    queryKey: todoKeys.all,
    queryFn: ({ signal }) => api<TodoList>('/api/todos', { signal }),
    enabled,
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
