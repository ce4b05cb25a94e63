import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { errorText } from './api.ts';

/** The page is on its way. */
export const PageSpin = () => (
  <div style={{ textAlign: 'center', padding: 48 }} data-testid="loading">
    <Spin size="large" />
  </div>
);

/** A load that failed: the Chinese message and a way to try again, never a blank page. */
export const LoadError = ({ error, title = '加载失败', retry, extra }: { error: unknown; title?: string; retry?: () => unknown; extra?: ReactNode }) => (
  <div data-testid="load-error">
    <Result
      status="error"
      title={title}
      subTitle={errorText(error)}
      extra={[
        retry && (
          <Button key="retry" type="primary" onClick={() => void retry()}>
            重试
          </Button>
        ),
        extra,
      ]}
    />
  </div>
);

/** Spinner while pending, the error if it failed, else the page with its data. */
export function Loaded<T>({ query, title, children }: { query: UseQueryResult<T>; title?: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <LoadError error={query.error} {...(title ? { title } : {})} retry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
