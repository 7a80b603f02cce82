import { notifications } from '@mantine/notifications';
import { errorTitle, normalizeError } from './errors';

/** Shows any error the backend (or a job) reported as a red notification. */
export function notifyError(e: unknown, title?: string): void {
  const { code, message } = normalizeError(e);
  notifications.show({
    color: 'red',
    title: title ?? errorTitle(code),
    message,
    autoClose: code === 'temporary' ? 4000 : 8000,
  });
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}
