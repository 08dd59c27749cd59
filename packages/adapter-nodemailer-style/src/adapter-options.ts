import {
  checkKnownKeys,
  checkOneOf,
  createSjroomTransport,
  type MaxCost,
  parseMaxCost,
  type SjroomTransportSettings,
  type SmsTransport,
} from '@intl-sms/core';

/** How mail fields become an SMS. */
export interface MailMappingOptions {
  /**
   * Put the mail's `subject` in front of the text: `true` gives `"<subject>\n<text>"`, a
   * function builds the text itself. Default: the subject is ignored (SMS has none).
   */
  readonly subjectPrefix?: boolean | ((subject: string, text: string) => string);
  /**
   * A mail with `html` but no `text`: `convert` (default) sends the HTML as plain text
   * (tags removed, line breaks kept, entities decoded); `reject` fails with `EMESSAGE`.
   */
  readonly html?: 'convert' | 'reject';
  /**
   * Replace characters that have a GSM-7 look-alike (curly quotes, dashes, `…`, Unicode
   * spaces…) so the SMS goes out as GSM-7, 160 characters a segment instead of 70 (core's
   * `smartEncoding`); a mail's own `smartEncoding` field overrides it. Default off.
   */
  readonly smartEncoding?: boolean;
  /**
   * The most one mail may cost, in the account's currency (`'0.50'`): a mail whose
   * estimate is higher is refused with `EBUDGET` before anything is sent (core's
   * `maxCost`); a mail's own `maxCost` field overrides it.
   */
  readonly maxCost?: MaxCost;
}

/** The options that say how a mail becomes an SMS (the rest are the transport's). */
const MAPPING_KEYS = ['subjectPrefix', 'html', 'smartEncoding', 'maxCost'] as const;

/** Options of `smsTransport()` and `createTransport()`: an existing transport or the sjroom settings. */
export type SmsMailOptions = MailMappingOptions &
  (
    | {
        /** Send through this transport (a failover transport, a `FakeTransport`, …); it is not closed by `close()`. */
        readonly transport: SmsTransport;
      }
    | (SjroomTransportSettings & { readonly transport?: undefined })
  );

/** The transport to send through, and whether we own it (and so close it). */
export function resolveTransport(options: SmsMailOptions = {}): {
  transport: SmsTransport;
  owned: boolean;
} {
  // With a transport of your own, sjroom settings would be ignored: refuse them instead.
  if (options.transport) {
    checkKnownKeys(options, ['transport', ...MAPPING_KEYS], 'SMS mail options with transport');
    checkMapping(options);
    return { transport: options.transport, owned: false };
  }
  checkMapping(options);
  const {
    subjectPrefix: _s,
    html: _h,
    smartEncoding: _e,
    maxCost: _m,
    transport: _t,
    ...settings
  } = options as SjroomTransportSettings & MailMappingOptions & { transport?: undefined };
  return { transport: createSjroomTransport(settings), owned: true };
}

/** Refuses a bad mapping option by name (`ValidationError`) when the transport is created. */
function checkMapping(options: MailMappingOptions): void {
  checkOneOf('html', options.html, ['convert', 'reject']);
  checkOneOf('smartEncoding', options.smartEncoding, [true, false]);
  parseMaxCost(options.maxCost);
}
