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
  readonly [field: string]: unknown;
}

/** An SMS ready to send: recipients as written, the final text. */
export interface SmsFromMail {
  readonly to: string[];
  readonly text: string;
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
  return { to, text };
}

function asText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  throw mailError('EMESSAGE', `\`${field}\` must be a string or a Buffer for an SMS`);
}
