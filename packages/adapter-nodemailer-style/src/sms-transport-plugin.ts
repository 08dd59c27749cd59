import { resolveTransport, type SmsMailOptions } from './adapter-options.js';
import { toMailError } from './mail-errors.js';
import type { SmsMailData } from './mail-to-sms.js';
import { type SmsSentInfo, sendMailAsSms } from './send-mail.js';
import { type SmsVerifyResult, verifyTransport, withCallback } from './verify-transport.js';
import { PACKAGE_VERSION } from './version.js';

/** The part of nodemailer's `MailMessage` a transport plugin reads. */
export interface NodemailerMail {
  readonly data: SmsMailData;
  resolveContent?(
    data: object,
    key: string,
    callback: (error: Error | null, value?: unknown) => void,
  ): unknown;
}

/**
 * A nodemailer transport plugin, structurally typed so it works with nodemailer 6 to 10
 * without importing it: `nodemailer.createTransport(smsTransport(options))`.
 */
export interface SmsNodemailerTransport {
  readonly name: 'intl-sms';
  readonly version: string;
  send(mail: NodemailerMail, callback: (error: Error | null, info?: SmsSentInfo) => void): void;
  verify(
    callback?: (error: Error | null, result?: SmsVerifyResult) => void,
  ): Promise<SmsVerifyResult> | undefined;
  isIdle(): boolean;
  close(): void;
}

/**
 * Creates the nodemailer transport plugin. Recipients come from `to`, `cc` and `bcc`
 * (read from `mail.data`, because nodemailer's envelope drops addresses without `@`);
 * the SMS text is `text` (or `html` converted), after nodemailer's `compile` plugins.
 */
export function smsTransport(options: SmsMailOptions = {}): SmsNodemailerTransport {
  const { transport, owned } = resolveTransport(options);
  let inFlight = 0;
  return {
    name: 'intl-sms',
    version: PACKAGE_VERSION,
    send(mail, callback) {
      inFlight++;
      const done = (error: Error | null, info?: SmsSentInfo) => {
        inFlight--;
        callback(error, info);
      };
      resolveText(mail)
        .then((data) => sendMailAsSms(transport, data, options))
        .then(
          (info) => done(null, info),
          (error: unknown) => done(toMailError(error)),
        );
    },
    verify(callback) {
      return withCallback(verifyTransport(transport), callback);
    },
    isIdle: () => inFlight === 0,
    close() {
      if (owned) void transport.close();
    },
  };
}

/** Resolves `text` given as a stream, a file or a URL with nodemailer's own helper. */
async function resolveText(mail: NodemailerMail): Promise<SmsMailData> {
  const { text } = mail.data;
  if (
    text === undefined ||
    typeof text === 'string' ||
    Buffer.isBuffer(text) ||
    !mail.resolveContent
  )
    return mail.data;
  const value = await new Promise<unknown>((resolve, reject) =>
    mail.resolveContent?.(mail.data, 'text', (error, content) =>
      error ? reject(error) : resolve(content),
    ),
  );
  return { ...mail.data, text: value };
}
