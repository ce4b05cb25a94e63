import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

/**
 * A render error in one page shows a Chinese message with 重试 in its place, never a blank app.
 * `resetKey` (the path) lets the next navigation try again.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null; key?: string | undefined }> {
  override state: { error: Error | null; key?: string | undefined } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: Error | null; key?: string | undefined }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // the console keeps the component stack for whoever reports the fault
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div data-testid="page-crash">
        <Result
          status="error"
          title="页面出错了"
          subTitle="此页面暂时无法显示，请重试；如仍出错，请联系管理员。其他页面可照常使用。"
          extra={
            <Button type="primary" onClick={() => this.setState({ error: null })}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
}
