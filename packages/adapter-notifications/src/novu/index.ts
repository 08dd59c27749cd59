import type { DeliveryReport } from '@intl-sms/core';
import type { ISMSEventBody, ISmsProvider } from '@novu/stateless';
import {
  createSmsNotifier,
  providerOptions,
  type SmsNotifierOptions,
  type SmsNotifierSource,
} from '../notifier/create-sms-notifier.js';
import { type IncompleteSendOptions, settleFailedSend } from '../notifier/incomplete-send.js';

/** Novu's `SmsEventStatusEnum` values this provider reports. */
export const NOVU_SMS_STATUS = {
  delivered: 'delivered',
  failed: 'failed',
  pending: 'queued',
} as const;

/** Options of {@link createNovuSmsProvider}. */
export interface NovuProviderOptions extends SmsNotifierOptions, IncompleteSendOptions {
  /** The provider id registered with Novu (default `intl-sms`). */
  readonly id?: string;
}

/**
 * A Novu SMS provider (`ISmsProvider`) over `@intl-sms/core`, with no runtime import of
 * Novu: `novu.registerProvider(createNovuSmsProvider(settings))`. `getMessageId` and
 * `parseEventBody` read a core `DeliveryReport` (from `transport.getDeliveryReport`) as
 * the event body, since sjroom has no webhooks.
 *
 * `sendMessage` rejects only when nothing was sent. When the SMS may have been sent or was
 * sent in part it resolves — `id` is the first accepted batch number or an
 * `outcome-unknown:<uuid>` marker, `ids` the accepted batches — and reports it through
 * `onIncompleteSend`: `@novu/stateless` discards the result, so the callback (or the
 * process warning) is the application's only signal. Novu itself neither retries nor
 * falls back after a provider error; resolving keeps every adapter of this package alike.
 */
export function createNovuSmsProvider(
  source?: SmsNotifierSource,
  options: NovuProviderOptions = {},
): ISmsProvider {
  const notifier = createSmsNotifier(
    source,
    providerOptions(options, 'createNovuSmsProvider options'),
  );
  return {
    id: options.id ?? 'intl-sms',
    channelType: 'sms' as ISmsProvider['channelType'],
    async sendMessage(message) {
      try {
        const result = await notifier.notify({ to: message?.to, text: message?.content });
        return { id: result.id, ids: [...result.ids], date: new Date().toISOString() };
      } catch (error) {
        const messageId = message?.id;
        const { id, batchIds } = await settleFailedSend(
          error,
          { framework: 'novu', ...(typeof messageId === 'string' ? { messageId } : {}) },
          options,
        );
        return { id, ids: [...batchIds], date: new Date().toISOString() };
      }
    },
    getMessageId: (body: unknown) => reports(body).map((report) => report.id),
    parseEventBody: (body: unknown, identifier: string) => parseEvent(reports(body), identifier),
  };
}

function reports(body: unknown): DeliveryReport[] {
  const list = Array.isArray(body) ? body : [body];
  return list.filter(
    (item): item is DeliveryReport =>
      typeof item === 'object' && item !== null && 'recipients' in item && 'id' in item,
  );
}

/**
 * The Novu status for `identifier`: a phone number (its own receipt) or a batch number
 * (delivered when every number is, failed when any failed and none is pending, else queued).
 */
function parseEvent(list: DeliveryReport[], identifier: string): ISMSEventBody | undefined {
  const digits = identifier.replace(/\D/g, '');
  for (const report of list) {
    const recipient = report.recipients.find((r) => r.phone === digits);
    if (recipient)
      return event(
        NOVU_SMS_STATUS[recipient.status],
        report,
        `${recipient.phone}: ${recipient.status}`,
      );
    if (report.id === identifier) {
      const status = report.complete
        ? report.failed > 0
          ? NOVU_SMS_STATUS.failed
          : NOVU_SMS_STATUS.delivered
        : NOVU_SMS_STATUS.pending;
      return event(
        status,
        report,
        `${report.delivered} delivered, ${report.failed} failed, ${report.pending ?? '?'} pending`,
      );
    }
  }
  return undefined;
}

function event(status: string, report: DeliveryReport, response: string): ISMSEventBody {
  return {
    status: status as ISMSEventBody['status'],
    date: new Date().toISOString(),
    externalId: report.id,
    response,
  };
}
