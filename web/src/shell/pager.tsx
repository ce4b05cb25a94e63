import type { ReactNode } from 'react';
import { Button } from 'antd';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/** One page of a cursor-paged list: the server's `next` cursor, absent on the last page. */
export interface CursorPage {
  next?: string;
}

/**
 * The one way to read a cursor-paged list (加载更多): an infinite query whose pages are the server's
 * answers. Its key must come from the resource's key factory and be used for this shape only.
 */
export function useCursorList<P extends CursorPage, Row>(opts: {
  queryKey: QueryKey;
  /** The path of a page; `cursor` is '' for the first. */
  path: (cursor: string) => string;
  rows: (page: P) => Row[];
  fetchPage: (path: string, signal: AbortSignal) => Promise<P>;
  enabled?: boolean;
}) {
  const query = useInfiniteQuery({
    queryKey: opts.queryKey,
    queryFn: ({ signal, pageParam }) => opts.fetchPage(opts.path(pageParam), signal),
    initialPageParam: '',
    getNextPageParam: (last: P) => last.next,
    ...(opts.enabled === undefined ? {} : { enabled: opts.enabled }),
  });
  return { ...query, rows: query.data?.pages.flatMap(opts.rows) ?? [] };
}

/** Appends the cursor of the following page to a list path that already carries its filters. */
export const withCursor = (path: string, cursor: string): string =>
  cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : path;

/** 加载更多 under a paged list, shown while the server has more. */
export const LoadMore = ({
  list,
  testId,
  children = '加载更多',
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  testId?: string;
  children?: ReactNode;
}) =>
  list.hasNextPage ? (
    <Button block style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid={testId}>
      {children}
    </Button>
  ) : null;
