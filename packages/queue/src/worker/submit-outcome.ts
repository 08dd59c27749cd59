import {
  ChannelUnavailableError,
  Decimal,
  InvalidRecipientsError,
  PartialSendError,
  type SendResult,
  SmsError,
  SubmitOutcomeUnknownError,
} from '@intl-sms/core';
import type { CampaignFailureKind } from '../campaign/campaign-status.js';
import type { FailureEntry, SubmitRecord } from '../store/campaign-store.js';
import { encodePhones } from '../store/chunk-codec.js';

/** A claimed chunk's numbers and their positions in the campaign. */
export interface ChunkRecipients {
  readonly phones: readonly string[];
  readonly indices: readonly number[];
}

/**
 * Refusals that an operator can fix while the campaign waits (new credentials, a top-up):
 * retried with backoff like a network failure instead of failing every chunk at once.
 */
const FIXABLE = new Set(['AUTHENTICATION_FAILED', 'INSUFFICIENT_BALANCE']);

/** Whether an error from `transport.send` certainly sent nothing and may be tried again. */
export function isSafeToRetry(error: unknown): boolean {
  if (!SmsError.isInstance(error) || SubmitOutcomeUnknownError.isInstance(error)) return false;
  return error.retryable || FIXABLE.has(error.code);
}

/** Turns an accepted send (or a partly accepted one) into the chunk's record. */
export function recordFromResult(
  chunk: ChunkRecipients,
  result: SendResult,
  partial?: PartialSendError,
): SubmitRecord {
  const counts = { accepted: 0, failed: 0, rejected: 0, unknown: 0 };
  const failures: FailureEntry[] = [];
  const unknownPhones: string[] = [];
  result.recipients.forEach((outcome, i) => {
    const index = chunk.indices[i] as number;
    const phone = outcome.phone ?? outcome.input;
    if (outcome.state === 'accepted') counts.accepted++;
    else if (outcome.state === 'unknown') {
      counts.unknown++;
      unknownPhones.push(phone);
    } else if (outcome.state === 'failed') {
      counts.failed++;
      const code =
        partial?.failures.find((f) => f.phones.includes(phone))?.error.code ?? 'SUBMIT_FAILED';
      failures.push(entry(index, phone, 'refused', code, outcome.reason ?? 'refused'));
    } else {
      counts.rejected++;
      const code =
        outcome.state === 'duplicate' ? 'DUPLICATE' : rejectionCode(outcome.reason ?? '');
      failures.push(entry(index, phone, 'rejected', code, outcome.reason ?? outcome.state));
    }
  });
  const batches = result.batches.map((b) => ({
    id: b.id,
    channelId: String(b.channelId),
    size: b.recipients.length,
    ...(b.cost === undefined ? {} : { cost: b.cost }),
  }));
  const cost = Decimal.parse(result.totalCost).toString();
  const state =
    counts.unknown > 0 ? 'needs-reconciliation' : counts.accepted > 0 ? 'submitted' : 'failed';
  const error = partial?.message ?? '';
  const unknownPhonesEncoded = encodePhones(unknownPhones);
  return { state, ...counts, batches, cost, error, unknownPhones: unknownPhonesEncoded, failures };
}

/** Turns a send that threw into the chunk's record: refused, rejected or unknown. */
export function recordFromError(chunk: ChunkRecipients, error: unknown): SubmitRecord {
  if (PartialSendError.isInstance(error)) return recordFromResult(chunk, error.result, error);
  const none = { accepted: 0, failed: 0, rejected: 0, unknown: 0, batches: [], cost: '0' };
  const message = error instanceof Error ? error.message : String(error);
  if (!SmsError.isInstance(error) || SubmitOutcomeUnknownError.isInstance(error)) {
    // Anything but a typed refusal may have left this process: never resubmit it.
    const unknown = chunk.phones.length;
    return {
      ...none,
      state: 'needs-reconciliation',
      unknown,
      error: message,
      unknownPhones: encodePhones(chunk.phones),
      failures: [],
    };
  }
  let rejected = 0;
  const failures = chunk.phones.map((phone, i) => {
    const index = chunk.indices[i] as number;
    const reason = rejectionReason(error, i);
    if (reason === undefined) return entry(index, phone, 'refused', error.code, message);
    rejected++;
    return entry(index, phone, 'rejected', rejectionCode(reason), reason);
  });
  const failed = chunk.phones.length - rejected;
  return {
    ...none,
    state: 'failed',
    failed,
    rejected,
    error: message,
    unknownPhones: '',
    failures,
  };
}

/**
 * Why recipient i was left out before submitting, when the error says so: no channel for
 * its destination. A channel the provider refused (a `ChannelUnavailableError` naming the
 * channel, its `403`: e.g. closed while the submit was out, and not re-routed because a
 * dearer channel would cross the chunk's `maxCost`) is no such reason: that submit was
 * refused, so its numbers are `failed` (`refused`, code `CHANNEL_UNAVAILABLE`).
 */
function rejectionReason(error: SmsError, i: number): string | undefined {
  if (InvalidRecipientsError.isInstance(error))
    return error.rejected.find((r) => r.index === i)?.reason;
  if (ChannelUnavailableError.isInstance(error) && error.channelId !== undefined) return undefined;
  return error.code === 'CHANNEL_UNAVAILABLE' ? error.message : undefined;
}

function rejectionCode(reason: string): string {
  return reason.startsWith('no enabled channel') || reason.startsWith('No enabled channel')
    ? 'NO_CHANNEL'
    : 'INVALID_NUMBER';
}

function entry(
  index: number,
  phone: string,
  kind: CampaignFailureKind,
  code: string,
  reason: string,
): FailureEntry {
  return [index, JSON.stringify({ index, phone, kind, code, reason })];
}
