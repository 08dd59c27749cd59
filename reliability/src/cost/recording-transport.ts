import {
  PartialSendError,
  type SendEstimate,
  type SjroomTransport,
  type SmsMessage,
} from '@intl-sms/core';

/** One call a bulk run made to its transport, in the order made. */
export type TransportCall =
  | { readonly kind: 'estimate'; readonly message: SmsMessage; readonly estimate: SendEstimate }
  | { readonly kind: 'send'; readonly message: SmsMessage; readonly batchIds: readonly string[] };

/**
 * The transport with every `estimate` and `send` recorded (in call order), so the oracle can see which chunk was estimated before
 * which submit and which estimated chunk never left. Everything else is the transport's.
 */
export function recordingTransport(
  inner: SjroomTransport,
  calls: TransportCall[],
): SjroomTransport {
  return new Proxy(inner, {
    get(target, key) {
      if (key === 'estimate')
        return async (
          message: SmsMessage,
          options?: Parameters<SjroomTransport['estimate']>[1],
        ) => {
          const estimate = await target.estimate(message, options);
          calls.push({ kind: 'estimate', message, estimate });
          return estimate;
        };
      if (key === 'send')
        return async (message: SmsMessage, options?: Parameters<SjroomTransport['send']>[1]) => {
          const record = { kind: 'send' as const, message, batchIds: [] as string[] };
          calls.push(record);
          try {
            const result = await target.send(message, options);
            record.batchIds.push(...result.batches.map((b) => b.id));
            return result;
          } catch (error) {
            if (PartialSendError.isInstance(error))
              record.batchIds.push(...error.result.batches.map((b) => b.id));
            throw error;
          }
        };
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
