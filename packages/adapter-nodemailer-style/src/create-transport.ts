import { resolveTransport, type SmsMailOptions } from './adapter-options.js';
import type { SmsMailData } from './mail-to-sms.js';
import { type SmsSentInfo, sendMailAsSms } from './send-mail.js';
import { type SmsVerifyResult, verifyTransport, withCallback } from './verify-transport.js';

/** The mail being sent, as a `compile` plugin sees it (like nodemailer's `MailMessage`). */
export interface SmsMail {
  /** The message fields, defaults applied; plugins may change them. */
  data: SmsMailData;
}

/** A plugin: `(mail, done) => void`, as nodemailer's `use('compile', plugin)` takes. */
export type SmsMailPlugin = (mail: SmsMail, done: (error?: Error | null) => void) => void;

/** A nodemailer-style transporter for SMS that needs no nodemailer at runtime. */
export interface SmsTransporter {
  /** Sends a message; with a callback it returns nothing, else a promise of the info. */
  sendMail(message: SmsMailData): Promise<SmsSentInfo>;
  sendMail(
    message: SmsMailData,
    callback: (error: Error | null, info?: SmsSentInfo) => void,
  ): undefined;
  /** Checks the credentials and reports the balance. */
  verify(): Promise<SmsVerifyResult>;
  verify(callback: (error: Error | null, result?: SmsVerifyResult) => void): undefined;
  /** Adds a plugin for the `compile` step (before sending) or the `stream` step (after compile). */
  use(step: 'compile' | 'stream', plugin: SmsMailPlugin): SmsTransporter;
  /** Releases the connections of a transport this transporter created. */
  close(): Promise<void>;
}

/**
 * The standalone API: `createTransport(options, defaults)` returns `sendMail`,
 * `verify`, `use` and `close` with nodemailer's semantics (defaults merged under each
 * message, plugins run in order, callback or promise style) and the same `info`.
 */
export function createTransport(
  options: SmsMailOptions = {},
  defaults: Partial<SmsMailData> = {},
): SmsTransporter {
  const { transport, owned } = resolveTransport(options);
  const plugins: Record<'compile' | 'stream', SmsMailPlugin[]> = { compile: [], stream: [] };

  const send = async (message: SmsMailData): Promise<SmsSentInfo> => {
    const mail: SmsMail = { data: { ...defaults, ...message } };
    for (const plugin of [...plugins.compile, ...plugins.stream]) {
      await new Promise<void>((resolve, reject) =>
        plugin(mail, (error) => (error ? reject(error) : resolve())),
      );
    }
    return sendMailAsSms(transport, mail.data, options);
  };

  const transporter: SmsTransporter = {
    sendMail: ((
      message: SmsMailData,
      callback?: (error: Error | null, info?: SmsSentInfo) => void,
    ) => withCallback(send(message), callback)) as SmsTransporter['sendMail'],
    verify: ((callback?: (error: Error | null, result?: SmsVerifyResult) => void) =>
      withCallback(verifyTransport(transport), callback)) as SmsTransporter['verify'],
    use(step, plugin) {
      if (step !== 'compile' && step !== 'stream')
        throw new TypeError(`Unknown plugin step ${String(step)}: use compile or stream`);
      plugins[step].push(plugin);
      return transporter;
    },
    async close() {
      if (owned) await transport.close();
    },
  };
  return transporter;
}
