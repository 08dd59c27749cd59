import {
  createSmsNotifier,
  providerOptions,
  type SmsNotifierOptions,
  type SmsNotifierSource,
} from '../notifier/create-sms-notifier.js';
import {
  type IncompleteSendContext,
  type IncompleteSendOptions,
  settleFailedSend,
} from '../notifier/incomplete-send.js';

/** notifme-sdk's `SmsRequestType` (it ships Flow types only), the parts we read. */
export interface NotifmeSmsRequest {
  readonly id?: string;
  readonly userId?: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  /** Ignored: the encoding follows the text (GSM-7 when it fits, else UCS-2). */
  readonly type?: 'text' | 'unicode';
  /** Ignored by sjroom. */
  readonly nature?: 'marketing' | 'transactional';
  /** Ignored by sjroom. */
  readonly ttl?: number;
  /** Lets the app change the request for one provider, as notifme's own providers allow. */
  readonly customize?: (
    providerId: string,
    request: NotifmeSmsRequest,
  ) => Promise<NotifmeSmsRequest>;
}

/** A notifme-sdk custom SMS provider. */
export interface NotifmeSmsProvider {
  readonly type: 'custom';
  readonly id: string;
  /**
   * Sends and resolves with the batch number, which notifme reports as `channels.sms.id`;
   * rejects only when nothing was sent (see {@link createNotifmeSmsProvider}).
   */
  send(request: NotifmeSmsRequest): Promise<string>;
}

/** Options of {@link createNotifmeSmsProvider}. */
export interface NotifmeProviderOptions extends SmsNotifierOptions, IncompleteSendOptions {
  /** The provider id notifme reports (default `intl-sms`). */
  readonly id?: string;
}

/**
 * A custom SMS provider for notifme-sdk:
 * `new NotifmeSdk({ channels: { sms: { providers: [createNotifmeSmsProvider(settings)] } } })`.
 * Safe with notifme's `fallback` and `roundrobin` strategies, which try the next provider
 * on ANY rejection: `send` rejects only when nothing was sent (a refusal), so the next
 * provider may take over. When the SMS may have been sent (outcome unknown) or was sent
 * in part, it resolves — with the first accepted batch number, or an
 * `outcome-unknown:<uuid>` marker — and reports it through `onIncompleteSend`.
 */
export function createNotifmeSmsProvider(
  source?: SmsNotifierSource,
  options: NotifmeProviderOptions = {},
): NotifmeSmsProvider {
  const id = options.id ?? 'intl-sms';
  const notifier = createSmsNotifier(
    source,
    providerOptions(options, 'createNotifmeSmsProvider options'),
  );
  return {
    type: 'custom',
    id,
    async send(request) {
      // A throwing `customize` rejects before anything is sent: a fallback is safe then.
      const final = request?.customize ? await request.customize(id, request) : request;
      try {
        const result = await notifier.notify({ to: final?.to, text: final?.text });
        return result.id;
      } catch (error) {
        return (await settleFailedSend(error, context(request), options)).id;
      }
    },
  };
}

/** notifme merges `metadata.id` and `metadata.userId` into the request it gives each provider. */
function context(request: NotifmeSmsRequest | undefined): IncompleteSendContext {
  return {
    framework: 'notifme',
    ...(typeof request?.id === 'string' ? { requestId: request.id } : {}),
    ...(typeof request?.userId === 'string' ? { userId: request.userId } : {}),
  };
}
