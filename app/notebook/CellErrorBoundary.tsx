// Keeps a broken output inside its own cell: the message shows there, the rest of the notebook lives on.
import { Component, type ReactNode } from 'react';

interface Props {
  /** When this changes (new outputs, new source), the boundary tries to render again. */
  resetKey: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class CellErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="out-error">
        <p>
          <strong>This output could not be shown</strong>: {error.message}
        </p>
      </div>
    );
  }
}
