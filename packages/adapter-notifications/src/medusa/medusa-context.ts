import type { IncompleteSendContext } from '../notifier/incomplete-send.js';

/**
 * The row's `id` (`noti_…`) and `idempotency_key`: the notification module passes them
 * to `send` at run time, although `ProviderSendNotificationDTO` does not declare them.
 */
export function medusaContext(notification: unknown): IncompleteSendContext {
  const { id, idempotency_key: key } = (notification ?? {}) as {
    id?: unknown;
    idempotency_key?: unknown;
  };
  return {
    framework: 'medusa',
    ...(typeof id === 'string' ? { notificationId: id } : {}),
    ...(typeof key === 'string' && key !== '' ? { idempotencyKey: key } : {}),
  };
}
