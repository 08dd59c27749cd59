import {
  checkKnownKeys,
  checkOneOf,
  createSjroomTransport,
  type MaxCost,
  parseMaxCost,
  type SendResult,
  type SjroomTransportSettings,
  type SmsTransport,
} from '@intl-sms/core';
import { SmsNotificationError, toNotificationError } from './notification-error.js';
import { renderTemplate } from './render-template.js';

/** What the notifier needs: an existing transport, or the sjroom settings (`SJROOM_*` fill the gaps). */
export type SmsNotifierSource = SmsTransport | SjroomTransportSettings;

/** One notification. */
export interface SmsNotification {
  /** One number or several. */
  readonly to: string | readonly string[];
  /** The text; or a `template` name with `data`. */
  readonly text?: string;
  /** A template name (from the `templates` option) or a template text with `{{placeholders}}`. */
  readonly template?: string;
  /** Values for the template's placeholders. */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Smart encoding for this notification, over the notifier's `smartEncoding` option. */
  readonly smartEncoding?: boolean;
  /** The most this notification may cost, over the notifier's `maxCost` option. */
  readonly maxCost?: MaxCost;
}

/** Options of {@link createSmsNotifier}. */
export interface SmsNotifierOptions {
  /** Named templates: `{ 'order.placed': 'Order {{id}} is confirmed' }`. */
  readonly templates?: Readonly<Record<string, string>>;
  /** Invalid numbers among several: `reject` (default) sends nothing, `skip` sends the rest. */
  readonly onInvalid?: 'reject' | 'skip';
  /**
   * Replace characters that have a GSM-7 look-alike (curly quotes, dashes, `…`, Unicode
   * spaces…) so the SMS goes out as GSM-7, 160 characters a segment instead of 70 (core's
   * `smartEncoding`). Default off.
   */
  readonly smartEncoding?: boolean;
  /**
   * The most one notification may cost, in the account's currency (`'0.50'`): one whose
   * estimate is higher is refused before anything is sent (`BUDGET_EXCEEDED`, outcome
   * `refused`, so a framework may fall back), as core's `maxCost`.
   */
  readonly maxCost?: MaxCost;
}

/** Every key of {@link SmsNotifierOptions}. */
export const NOTIFIER_OPTION_KEYS: readonly string[] = [
  'templates',
  'onInvalid',
  'smartEncoding',
  'maxCost',
];

/**
 * Checks the options of a framework provider (the notifier's, the incomplete-send ones
 * and `id`) and returns the notifier's part of them.
 */
export function providerOptions(options: object, where: string): SmsNotifierOptions {
  checkKnownKeys(options, [...NOTIFIER_OPTION_KEYS, 'onIncompleteSend', 'incomplete', 'id'], where);
  const { templates, onInvalid, smartEncoding, maxCost } = options as SmsNotifierOptions;
  return {
    ...(templates === undefined ? {} : { templates }),
    ...(onInvalid === undefined ? {} : { onInvalid }),
    ...(smartEncoding === undefined ? {} : { smartEncoding }),
    ...(maxCost === undefined ? {} : { maxCost }),
  };
}

/** What a notification produced: the same shape for every adapter. */
export interface SmsNotifyResult {
  /** The batch number (the first one when several countries made several batches). */
  readonly id: string;
  /** Every batch number. */
  readonly ids: readonly string[];
  /** Numbers accepted, wire form. */
  readonly accepted: readonly string[];
  /** Numbers not sent, as given, with reasons. */
  readonly rejected: readonly { readonly input: string; readonly reason: string }[];
  /** The text as sent: with `smartEncoding`, look-alike characters replaced by GSM-7 ones. */
  readonly text: string;
  /** True when smart encoding replaced characters of the text. */
  readonly smartEncoded: boolean;
  /** Segments each accepted number is billed for. */
  readonly segments: number;
  /** What the accepted batches cost, exact, a decimal string in the account's currency. */
  readonly totalCost: string;
  /** The core result. */
  readonly result: SendResult;
}

/** A framework-agnostic SMS notifier: wire it into any stack (a NestJS provider, a job runner). */
export interface SmsNotifier {
  /** The transport it sends through. */
  readonly transport: SmsTransport;
  /**
   * Sends one notification. Every failure rejects with `SmsNotificationError` (core error
   * as `cause`), classified: `outcome` `refused` (nothing sent, `safeToRetry: true`),
   * `unknown` (may have been sent) or `partial` (some accepted or unknown, see its
   * `accepted`, `failed`, `unknown` and `batchIds`). Resend only what it says is safe.
   */
  notify(notification: SmsNotification): Promise<SmsNotifyResult>;
  /** Closes the transport if the notifier created it. */
  close(): Promise<void>;
}

function isTransport(source: SmsNotifierSource): source is SmsTransport {
  return (
    typeof (source as SmsTransport).send === 'function' &&
    (source as SmsTransport).specificationVersion === 'v1'
  );
}

/** Creates a notifier over an existing transport or the sjroom settings. */
export function createSmsNotifier(
  source: SmsNotifierSource = {},
  options: SmsNotifierOptions = {},
): SmsNotifier {
  checkKnownKeys(options, NOTIFIER_OPTION_KEYS, 'createSmsNotifier options');
  checkOneOf('onInvalid', options.onInvalid, ['reject', 'skip']);
  checkOneOf('smartEncoding', options.smartEncoding, [true, false]);
  parseMaxCost(options.maxCost);
  const owned = !isTransport(source);
  const transport = isTransport(source) ? source : createSjroomTransport(source);
  return {
    transport,
    async notify(notification) {
      const { to, text } = prepare(notification, options);
      const smartEncoding = notification.smartEncoding ?? options.smartEncoding;
      const maxCost = notification.maxCost ?? options.maxCost;
      try {
        const result = await transport.send({
          to,
          text,
          onInvalid: options.onInvalid ?? 'reject',
          ...(smartEncoding === undefined ? {} : { smartEncoding }),
          ...(maxCost === undefined ? {} : { maxCost }),
        });
        return {
          id: result.id,
          ids: result.batches.map((batch) => batch.id),
          accepted: result.accepted,
          rejected: result.rejected.map(({ input, reason }) => ({ input, reason })),
          text: result.text,
          smartEncoded: result.smartEncoded,
          segments: result.segments,
          totalCost: result.totalCost,
          result,
        };
      } catch (error) {
        throw toNotificationError(error);
      }
    },
    async close() {
      if (owned) await transport.close();
    },
  };
}

/** Checks the request and renders the text; throws before anything is sent. */
function prepare(
  notification: SmsNotification,
  options: SmsNotifierOptions,
): { to: string | readonly string[]; text: string } {
  const { to } = notification ?? {};
  const empty =
    to === undefined || to === null || to === '' || (Array.isArray(to) && to.length === 0);
  if (empty)
    throw new SmsNotificationError(
      'VALIDATION_FAILED',
      'The notification has no recipient (`to`)',
      { field: 'to', outcome: 'refused' },
    );
  let text = notification.text;
  if ((text === undefined || text === '') && notification.template !== undefined) {
    // Own entries only: a template named `constructor` or `toString` is not a template.
    const named =
      options.templates && Object.hasOwn(options.templates, notification.template)
        ? options.templates[notification.template]
        : undefined;
    const template =
      named ?? (notification.template.includes('{{') ? notification.template : undefined);
    if (template === undefined) {
      throw new SmsNotificationError(
        'VALIDATION_FAILED',
        `No SMS template named "${notification.template}" (options.templates)`,
        { field: 'template', outcome: 'refused' },
      );
    }
    try {
      text = renderTemplate(template, notification.data ?? {});
    } catch (error) {
      throw new SmsNotificationError('VALIDATION_FAILED', (error as Error).message, {
        cause: error,
        field: 'data',
        outcome: 'refused',
      });
    }
  }
  if (typeof text !== 'string' || text.trim() === '') {
    throw new SmsNotificationError(
      'VALIDATION_FAILED',
      'The notification has no text (`text`, or `template` with `data`)',
      { field: 'text', outcome: 'refused' },
    );
  }
  return { to, text };
}
