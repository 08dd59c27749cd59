import { PartialSendError, type SendResult, type SmsTransport } from '@intl-sms/core';
import type { MailMappingOptions } from './adapter-options.js';
import { toMailError } from './mail-errors.js';
import { mailToSms, type SmsMailData } from './mail-to-sms.js';
import { phonesFromAddresses } from './recipients.js';

/** What a sent SMS reports, following nodemailer's `info` conventions. */
export interface SmsSentInfo {
  /** `from` as given (SMS has no sender field at sjroom) and the numbers submitted, E.164. */
  readonly envelope: { readonly from: string | false; readonly to: readonly string[] };
  /** The batch number; several, comma-separated, when the send made several batches. */
  readonly messageId: string;
  /** Every batch number. */
  readonly messageIds: readonly string[];
  /** Numbers the provider accepted, E.164. */
  readonly accepted: readonly string[];
  /** Recipients that were not sent (invalid, no channel, refused submit), as written. */
  readonly rejected: readonly string[];
  /** Recipients whose submit may or may not have been sent, as written: check before resending. */
  readonly pending: readonly string[];
  /** A one-line summary, like an SMTP response. */
  readonly response: string;
  /** The core result, with every recipient's outcome. */
  readonly result: SendResult;
}

/** Sends a mail as an SMS through `transport`; rejects with a nodemailer-style error. */
export async function sendMailAsSms(
  transport: SmsTransport,
  data: SmsMailData,
  options: MailMappingOptions,
): Promise<SmsSentInfo> {
  const sms = mailToSms(data, options);
  let result: SendResult;
  try {
    result = await transport.send({ to: sms.to, text: sms.text, onInvalid: 'skip' });
  } catch (error) {
    if (!(error instanceof PartialSendError) || error.result.batches.length === 0)
      throw toMailError(error);
    result = error.result;
  }
  return toInfo(result, data);
}

function toInfo(result: SendResult, data: SmsMailData): SmsSentInfo {
  const accepted = result.recipients
    .filter((r) => r.state === 'accepted' && r.phone)
    .map((r) => `+${r.phone}`);
  const rejected = result.recipients
    .filter((r) => r.state === 'rejected' || r.state === 'failed')
    .map((r) => r.input);
  const pending = result.recipients.filter((r) => r.state === 'unknown').map((r) => r.input);
  const ids = result.batches.map((batch) => batch.id);
  const [from] = phonesFromAddresses(data.from);
  return {
    envelope: { from: from ?? (typeof data.from === 'string' ? data.from : false), to: accepted },
    messageId: ids.join(','),
    messageIds: ids,
    accepted,
    rejected,
    pending,
    response: `250 Accepted: ${accepted.length} recipient(s) in ${ids.length} batch(es) ${ids.join(', ')}`,
    result,
  };
}
