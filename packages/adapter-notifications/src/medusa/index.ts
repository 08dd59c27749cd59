import type { SjroomTransportSettings, SmsTransport } from '@intl-sms/core';
import type { Logger, NotificationTypes } from '@medusajs/framework/types';
import {
  AbstractNotificationProviderService,
  MedusaError,
  ModuleProvider,
  Modules,
} from '@medusajs/framework/utils';
import { createSmsNotifier, type SmsNotifier } from '../notifier/create-sms-notifier.js';

/** Options of the Medusa provider, from `medusa-config.ts`. */
export interface IntlSmsMedusaOptions extends SjroomTransportSettings {
  /** Send through this transport instead of creating a sjroom one. */
  readonly transport?: SmsTransport;
  /**
   * Texts per Medusa template name, with `{{placeholders}}` filled from the
   * notification's `data`: `{ 'order-placed': 'Order {{order.display_id}} is confirmed' }`.
   */
  readonly templates?: Readonly<Record<string, string>>;
  /** Several numbers with some invalid: `reject` (default) or `skip`. */
  readonly onInvalid?: 'reject' | 'skip';
}

/**
 * A Medusa v2 notification module provider that sends SMS through `@intl-sms/core`.
 * The text is `content.text`, else the `templates` entry for `template` rendered with
 * `data`. `send` resolves with `{ id: batchNo }`.
 */
export class IntlSmsNotificationProviderService extends AbstractNotificationProviderService {
  /** The provider id in `medusa-config.ts` (`id`) and Medusa's registry. */
  static override identifier = 'intl-sms';

  /** Refuses missing credentials or malformed templates before Medusa starts. */
  static override validateOptions(options: Record<string, unknown>): void {
    if (!options || typeof options !== 'object') {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'intl-sms: the provider needs options');
    }
    if (options.transport === undefined) {
      for (const [key, env] of [
        ['account', 'SJROOM_ACCOUNT'],
        ['password', 'SJROOM_PASSWORD'],
      ] as const) {
        const value = options[key] ?? process.env[env];
        if (typeof value !== 'string' || value === '') {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `intl-sms: option \`${key}\` is required (or set ${env})`,
          );
        }
      }
    }
    const { templates } = options;
    if (
      templates !== undefined &&
      (typeof templates !== 'object' ||
        templates === null ||
        Object.values(templates).some((t) => typeof t !== 'string'))
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        'intl-sms: option `templates` must map template names to texts',
      );
    }
  }

  readonly #notifier: SmsNotifier;
  readonly #logger: Logger | undefined;

  constructor(container: { logger?: Logger }, options: IntlSmsMedusaOptions) {
    super();
    this.#logger = container?.logger;
    const { templates, onInvalid, transport, ...settings } = options ?? {};
    this.#notifier = createSmsNotifier(transport ?? settings, {
      ...(templates ? { templates } : {}),
      ...(onInvalid ? { onInvalid } : {}),
    });
  }

  /** Sends one Medusa notification as an SMS; resolves with the batch number as `id`. */
  override async send(
    notification: NotificationTypes.ProviderSendNotificationDTO,
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const result = await this.#notifier.notify({
      to: notification?.to,
      ...(notification?.content?.text ? { text: notification.content.text } : {}),
      ...(notification?.template ? { template: notification.template } : {}),
      ...(notification?.data ? { data: notification.data } : {}),
    });
    this.#logger?.info(`intl-sms: sent ${notification.template ?? 'SMS'} in batch ${result.id}`);
    return { id: result.id };
  }
}

/** The module provider `medusa-config.ts` resolves: `resolve: '@intl-sms/adapter-notifications/medusa'`. */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [IntlSmsNotificationProviderService],
});
