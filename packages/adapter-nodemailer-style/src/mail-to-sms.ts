import { type MaxCost, parseMaxCost } from '@intl-sms/core';
import type { MailMappingOptions } from './adapter-options.js';
import { htmlToText } from './html-to-text.js';
import { mailError } from './mail-errors.js';
import { type MailAddressField, phonesFromAddresses } from './recipients.js';

/** The fields of a mail this adapter reads (nodemailer's message options). */
export interface SmsMailData {
  readonly from?: MailAddressField;
  readonly to?: MailAddressField;
  readonly cc?: MailAddressField;
  readonly bcc?: MailAddressField;
  readonly subject?: string;
  readonly text?: string | Buffer | unknown;
  readonly html?: string | Buffer | unknown;
  readonly attachments?: readonly unknown[];
  /** This mail's smart encoding, over the transport's `smartEncoding` option. */
  readonly smartEncoding?: boolean;
  /** The most this mail may cost (`'0.50'`), over the transport's `maxCost` option. */
  readonly maxCost?: MaxCost;
  readonly [field: string]: unknown;
}

/** An SMS ready to send: recipients as written, the final text, the cost options. */
export interface SmsFromMail {
  readonly to: string[];
  readonly text: string;
  /** Smart encoding on or off, when the mail or the options say. */
  readonly smartEncoding?: boolean;
  /** The cap of this send, when the mail or the options give one. */
  readonly maxCost?: MaxCost;
}

/**
 * Maps a mail to an SMS, or throws `EMESSAGE` (attachments, no text, HTML refused) or
 * `EENVELOPE` (no recipient). `text` must already be a string or Buffer.
 */
export function mailToSms(data: SmsMailData, options: MailMappingOptions): SmsFromMail {
  if (Array.isArray(data.attachments) && data.attachments.length > 0) {
    throw mailError(
      'EMESSAGE',
      'SMS cannot carry attachments: remove `attachments` from the message',
    );
  }
  let text = asText(data.text, 'text');
  if (text === undefined && data.html !== undefined && data.html !== null && data.html !== false) {
    if (options.html === 'reject') {
      throw mailError(
        'EMESSAGE',
        'The message has only `html`; give it a `text` (html: "reject" is set)',
      );
    }
    text = htmlToText(asText(data.html, 'html') ?? '');
  }
  if (!text) throw mailError('EMESSAGE', 'The message has no text: set `text` (or `html`)');
  const subject = typeof data.subject === 'string' ? data.subject.trim() : '';
  if (subject && options.subjectPrefix) {
    text =
      typeof options.subjectPrefix === 'function'
        ? options.subjectPrefix(subject, text)
        : `${subject}\n${text}`;
  }
  const to = phonesFromAddresses(data.to, data.cc, data.bcc);
  if (to.length === 0)
    throw mailError('EENVELOPE', 'No recipients defined: set `to`, `cc` or `bcc` to phone numbers');
  return { to, text, ...costOptions(data, options) };
}

/** `smartEncoding` and `maxCost`: the mail's own, else the options'; a bad one is `EMESSAGE`. */
function costOptions(
  data: SmsMailData,
  options: MailMappingOptions,
): Pick<SmsFromMail, 'smartEncoding' | 'maxCost'> {
  const smartEncoding = data.smartEncoding ?? options.smartEncoding;
  if (smartEncoding !== undefined && typeof smartEncoding !== 'boolean')
    throw mailError('EMESSAGE', '`smartEncoding` must be true or false');
  const maxCost = data.maxCost ?? options.maxCost;
  try {
    parseMaxCost(maxCost);
  } catch (error) {
    throw mailError('EMESSAGE', (error as Error).message, error);
  }
  return {
    ...(smartEncoding === undefined ? {} : { smartEncoding }),
    ...(maxCost === undefined ? {} : { maxCost }),
  };
}

function asText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  throw mailError('EMESSAGE', `\`${field}\` must be a string or a Buffer for an SMS`);
}
