import type { MaxCost, SjroomTransportSettings, SmsTransport } from '@intl-sms/core';
import type { Logger, NotificationTypes } from '@medusajs/framework/types';
import {
  AbstractNotificationProviderService,
  ModuleProvider,
  Modules,
} from '@medusajs/framework/utils';
import {
  createSmsNotifier,
  type SmsNotifier,
  type SmsNotifyResult,
} from '../notifier/create-sms-notifier.js';
import {
  type IncompleteSendContext,
  type IncompleteSendOptions,
  outcomeUnknownId,
  settleFailedSend,
} from '../notifier/incomplete-send.js';
import { SmsNotificationError } from '../notifier/notification-error.js';
import { medusaContext } from './medusa-context.js';
import { SentKeys } from './sent-keys.js';
import { validateMedusaOptions } from './validate-options.js';

/** Options of the Medusa provider, from `medusa-config.ts`. */
export interface IntlSmsMedusaOptions extends SjroomTransportSettings, IncompleteSendOptions {
  /** Send through this transport instead of creating a sjroom one. */
  readonly transport?: SmsTransport;
  /** Medusa's own: the notification channels this provider serves (`['sms']`). */
  readonly channels?: readonly string[];
  /**
   * Texts per Medusa template name, with `{{placeholders}}` filled from the
   * notification's `data`: `{ 'order-placed': 'Order {{order.display_id}} is confirmed' }`.
   */
  readonly templates?: Readonly<Record<string, string>>;
  /** Several numbers with some invalid: `reject` (default) or `skip`. */
  readonly onInvalid?: 'reject' | 'skip';
  /**
   * The most one notification may cost, in the account's currency (`'0.50'`): one whose
   * estimate is higher is refused before anything is sent, so `send` rejects and Medusa
   * marks it `failure`.
   */
  readonly maxCost?: MaxCost;
}

/**
 * A Medusa v2 notification module provider that sends SMS through `@intl-sms/core`.
 * The text is `content.text`, else the `templates` entry for `template` rendered with
 * `data`. `send` resolves with `{ id: batchNo }`.
 *
 * `send` rejects only when nothing was sent: Medusa then marks the notification
 * `failure`, and a retry (the same `idempotency_key`, a re-run subscriber or step) is
 * safe. When the SMS may have been sent or was sent in part, it resolves (the row becomes
 * `success` with `external_id` = the first batch number or an `outcome-unknown:<uuid>`
 * marker), logs a warning through Medusa's logger and calls `onIncompleteSend`: a
 * `failure` row would invite Medusa to send it again. An `idempotency_key` this process
 * already sent (or may have sent) is not sent again: `send` resolves with the earlier id.
 */
export class IntlSmsNotificationProviderService extends AbstractNotificationProviderService {
  /** The provider id in `medusa-config.ts` (`id`) and Medusa's registry. */
  static override identifier = 'intl-sms';

  /** Refuses missing credentials, malformed templates or bad options before Medusa starts. */
  static override validateOptions(options: Record<string, unknown>): void {
    validateMedusaOptions(options);
  }

  readonly #notifier: SmsNotifier;
  readonly #logger: Logger | undefined;
  readonly #incomplete: IncompleteSendOptions;
  readonly #sentKeys = new SentKeys();

  constructor(container: { logger?: Logger }, options: IntlSmsMedusaOptions) {
    super();
    this.#logger = container?.logger;
    // `channels` is Medusa's own option (which notification channels the provider serves).
    const {
      templates,
      onInvalid,
      smartEncoding,
      maxCost,
      transport,
      onIncompleteSend,
      incomplete,
      channels: _medusaChannels,
      ...settings
    } = options ?? {};
    this.#incomplete = {
      ...(onIncompleteSend ? { onIncompleteSend } : {}),
      ...(incomplete ? { incomplete } : {}),
    };
    this.#notifier = createSmsNotifier(transport ?? settings, {
      ...(templates ? { templates } : {}),
      ...(onInvalid ? { onInvalid } : {}),
      ...(smartEncoding === undefined ? {} : { smartEncoding }),
      ...(maxCost === undefined ? {} : { maxCost }),
    });
  }

  /** Sends one Medusa notification as an SMS; resolves with the batch number as `id`. */
  override async send(
    notification: NotificationTypes.ProviderSendNotificationDTO,
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const context = medusaContext(notification);
    const { idempotencyKey: key } = context;
    // A send of the same key still in flight decides first: only a refusal lets this one
    // go. Checked again after each wait, and tracked with no await in between.
    for (let send = this.#sentKeys.inFlight(key); send; send = this.#sentKeys.inFlight(key))
      await send.then(ignore, ignore);
    const earlier = this.#sentKeys.get(key);
    if (earlier !== undefined) {
      this.#warn(
        `intl-sms: idempotency_key ${JSON.stringify(key)} was already sent by this process (${earlier}); notification ${context.notificationId ?? '?'} is not sent again`,
      );
      return { id: earlier };
    }
    return this.#sentKeys.track(key, this.#sendNew(notification, context));
  }

  async #sendNew(
    notification: NotificationTypes.ProviderSendNotificationDTO,
    context: IncompleteSendContext,
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const key = context.idempotencyKey;
    let sent: SmsNotifyResult;
    try {
      sent = await this.#notifier.notify({
        to: notification?.to,
        ...(notification?.content?.text ? { text: notification.content.text } : {}),
        ...(notification?.template ? { template: notification.template } : {}),
        ...(notification?.data ? { data: notification.data } : {}),
      });
    } catch (error) {
      const settled = await this.#settle(error, context);
      this.#sentKeys.remember(key, settled);
      return { id: settled };
    }
    const { id } = sent;
    this.#sentKeys.remember(key, id);
    this.#logger?.info(
      `intl-sms: sent ${notification.template ?? 'SMS'} in batch ${id} (${sent.segments} segment(s)${sent.smartEncoded ? ', smart encoded' : ''}, cost ${sent.totalCost})`,
    );
    return { id };
  }

  /** A refusal rethrows; an incomplete send resolves (or rejects, if so configured) once reported. */
  async #settle(error: unknown, context: IncompleteSendContext): Promise<string> {
    const logger = this.#logger;
    try {
      const log = logger ? (line: string) => logger.warn(line) : undefined;
      return (await settleFailedSend(error, context, this.#incomplete, log)).id;
    } catch (rejected) {
      if (SmsNotificationError.isInstance(rejected) && rejected.outcome !== 'refused')
        this.#sentKeys.remember(context.idempotencyKey, rejected.batchIds[0] ?? outcomeUnknownId());
      throw rejected;
    }
  }

  /** Medusa always injects a logger; a process warning stands in for one in bare tests. */
  #warn(line: string): void {
    if (this.#logger) this.#logger.warn(line);
    else process.emitWarning(line, { code: 'INTL_SMS_NOT_RESENT' });
  }
}

/** The module provider `medusa-config.ts` resolves: `resolve: '@intl-sms/adapter-notifications/medusa'`. */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [IntlSmsNotificationProviderService],
});

function ignore(): void {}
