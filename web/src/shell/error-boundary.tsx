import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
  key?: string | undefined;
}

/**
 * A render error in one page shows a Chinese message with 重试 in its place, never a blank app.
 * `resetKey` (the path) lets the next navigation try again. Plain HTML, no antd: the root uses it too
 * and the root carries no antd.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: State) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // the console keeps the component stack for whoever reports the fault
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div data-testid="page-crash" role="alert" className="page-crash">
        <h2>页面出错了</h2>
        <p>此页面暂时无法显示，请重试；如仍出错，请联系管理员。其他页面可照常使用。</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          重试
        </button>
      </div>
    );
  }
}
