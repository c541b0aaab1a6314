/**
 * Listens for the server's record notifications on the pipeline's connection (versions, comments,
 * reviews) and hands matching ones to `handler`. Lists refetch on these instead of polling.
 */
import { onCleanup } from 'solid-js';
import { parseRecordNotification, type RecordNotification } from '../../../shared/api/notifications.ts';

export type StatelessSubscribe = (listener: (payload: string) => void) => () => void;

export function createRecordListener(
  subscribe: StatelessSubscribe,
  handler: (notification: RecordNotification) => void,
): void {
  const stop = subscribe((payload) => {
    const notification = parseRecordNotification(payload);
    if (notification) handler(notification);
  });
  onCleanup(stop);
}
