import {
  checkKnownKeys,
  checkOneOf,
  createSjroomTransport,
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
}

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
    checkKnownKeys(
      options,
      ['transport', 'subjectPrefix', 'html'],
      'SMS mail options with transport',
    );
    return { transport: options.transport, owned: false };
  }
  checkOneOf('html', options.html, ['convert', 'reject']);
  const {
    subjectPrefix: _s,
    html: _h,
    transport: _t,
    ...settings
  } = options as SjroomTransportSettings & MailMappingOptions & { transport?: undefined };
  return { transport: createSjroomTransport(settings), owned: true };
}
