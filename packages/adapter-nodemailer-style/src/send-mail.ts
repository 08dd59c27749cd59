import { PartialSendError, type SendResult, SmsError, type SmsTransport } from '@intl-sms/core';
import type { MailMappingOptions } from './adapter-options.js';
import { mailError, toMailError } from './mail-errors.js';
import { mailToSms, type SmsMailData } from './mail-to-sms.js';
import { phonesFromAddresses } from './recipients.js';

/**
 * What a sent SMS reports, following nodemailer's `info` conventions. Numbers are in the
 * wire form, as core's `SendResult.accepted`: digits, country code first, no `+`
 * (`639171234567`). An entry that never became a number is listed as written.
 */
export interface SmsSentInfo {
  /** `from` as given (SMS has no sender field at sjroom) and the accepted numbers, wire form. */
  readonly envelope: { readonly from: string | false; readonly to: readonly string[] };
  /** The batch number; several, comma-separated, when the send made several batches. */
  readonly messageId: string;
  /** Every batch number. */
  readonly messageIds: readonly string[];
  /** Numbers the provider accepted, wire form. */
  readonly accepted: readonly string[];
  /**
   * Recipients that were certainly not sent: a refused submit, no channel for the
   * country, or not a valid number (listed as written, having no wire form). Safe to
   * send again once the cause is fixed.
   */
  readonly rejected: readonly string[];
  /**
   * Numbers whose submit may or may not have been sent (outcome unknown), wire form:
   * never resend them blindly; check the delivery receipts or the provider first.
   */
  readonly pending: readonly string[];
  /** A one-line summary, like an SMTP response. */
  readonly response: string;
  /** The text as sent: with `smartEncoding`, look-alike characters replaced by GSM-7 ones. */
  readonly text: string;
  /** True when smart encoding replaced characters of the text. */
  readonly smartEncoded: boolean;
  /** Segments each accepted number is billed for. */
  readonly segments: number;
  /**
   * What the accepted batches cost, exact (price × segments × numbers), a decimal string
   * in the account's currency.
   */
  readonly totalCost: string;
  /** The core result, with every recipient's outcome. */
  readonly result: SendResult;
}

/**
 * Sends a mail as an SMS through `transport`. Resolves when at least one batch was
 * accepted (the rest in `rejected` and `pending`); rejects with a nodemailer-style error
 * otherwise: `EOUTCOMEUNKNOWN` when the SMS may have been sent, another code when nothing
 * was.
 */
export async function sendMailAsSms(
  transport: SmsTransport,
  data: SmsMailData,
  options: MailMappingOptions,
): Promise<SmsSentInfo> {
  const sms = mailToSms(data, options);
  let result: SendResult;
  try {
    result = await transport.send({
      to: sms.to,
      text: sms.text,
      onInvalid: 'skip',
      ...(sms.smartEncoding === undefined ? {} : { smartEncoding: sms.smartEncoding }),
      ...(sms.maxCost === undefined ? {} : { maxCost: sms.maxCost }),
    });
  } catch (error) {
    if (PartialSendError.isInstance(error) && error.result.batches.length > 0) {
      result = error.result;
    } else if (SmsError.isInstance(error)) {
      throw toMailError(error);
    } else {
      // Not ours (a custom transport, a bug): we cannot prove nothing left, so say so.
      const message = error instanceof Error ? error.message : String(error);
      throw mailError(
        'EOUTCOMEUNKNOWN',
        `The SMS may or may not have been sent: ${message}`,
        error,
      );
    }
  }
  return toInfo(result, data);
}

function toInfo(result: SendResult, data: SmsMailData): SmsSentInfo {
  const accepted = [...result.accepted];
  const rejected = result.recipients
    .filter((r) => r.state === 'rejected' || r.state === 'failed')
    .map((r) => r.phone ?? r.input);
  const pending = result.recipients
    .filter((r) => r.state === 'unknown')
    .map((r) => r.phone ?? r.input);
  const ids = result.batches.map((batch) => batch.id);
  const [from] = phonesFromAddresses(data.from);
  return {
    envelope: { from: from ?? (typeof data.from === 'string' ? data.from : false), to: accepted },
    messageId: ids.join(','),
    messageIds: ids,
    accepted,
    rejected,
    pending,
    response: `250 Accepted: ${accepted.length} recipient(s) in ${ids.length} batch(es) ${ids.join(', ')}${
      rejected.length + pending.length > 0
        ? `; ${rejected.length} rejected, ${pending.length} outcome unknown`
        : ''
    }`,
    text: result.text,
    smartEncoded: result.smartEncoded,
    segments: result.segments,
    totalCost: result.totalCost,
    result,
  };
}
