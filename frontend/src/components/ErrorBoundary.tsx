import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** when this changes (the route), a failed screen gets another try */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

/** One screen failing (a render bug, a chunk that did not load) never blanks the whole window. */
export class ScreenErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('screen failed', error, info.componentStack);
  }

  componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Loading chunk|Importing a module script failed/i.test(this.state.error.message);
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This screen could not be shown" data-testid="screen-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {chunk
              ? 'Part of Shopclerk’s screens could not be loaded. Reloading the window usually fixes this.'
              : 'Something went wrong while drawing this screen. Other screens still work; reloading the window may help.'}
          </Text>
          <Code>{this.state.error.message}</Code>
          <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
            Reload the window
          </Button>
        </Stack>
      </Alert>
    );
  }
}
