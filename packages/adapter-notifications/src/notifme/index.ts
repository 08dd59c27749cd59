import {
  createSmsNotifier,
  type SmsNotifierOptions,
  type SmsNotifierSource,
} from '../notifier/create-sms-notifier.js';

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
  /** Sends and resolves with the batch number, which notifme reports as `channels.sms.id`. */
  send(request: NotifmeSmsRequest): Promise<string>;
}

/** Options of {@link createNotifmeSmsProvider}. */
export interface NotifmeProviderOptions extends SmsNotifierOptions {
  /** The provider id notifme reports (default `intl-sms`). */
  readonly id?: string;
}

/**
 * A custom SMS provider for notifme-sdk:
 * `new NotifmeSdk({ channels: { sms: { providers: [createNotifmeSmsProvider(settings)] } } })`.
 * Works with notifme's `fallback` and `roundrobin` strategies: a failed send rejects, so
 * notifme moves on to the next provider.
 */
export function createNotifmeSmsProvider(
  source?: SmsNotifierSource,
  options: NotifmeProviderOptions = {},
): NotifmeSmsProvider {
  const id = options.id ?? 'intl-sms';
  const notifier = createSmsNotifier(source, options);
  return {
    type: 'custom',
    id,
    async send(request) {
      const final = request?.customize ? await request.customize(id, request) : request;
      const result = await notifier.notify({ to: final?.to, text: final?.text });
      return result.id;
    },
  };
}
