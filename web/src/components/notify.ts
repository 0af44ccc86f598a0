import { notifications } from '@mantine/notifications';
import { problemMessage } from '../api/problem';
import { t } from '../messages';

/** A short confirmation toast ("Saved"). */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000 });
}

/** A toast for a failure that has no form field to sit next to. */
export function notifyError(messageOrError: unknown): void {
  const message = typeof messageOrError === 'string' ? messageOrError : problemMessage(messageOrError);
  notifications.show({ title: t('common.errorTitle'), message, color: 'red', autoClose: 8000 });
}
