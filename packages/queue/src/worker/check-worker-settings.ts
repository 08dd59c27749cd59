import { ValidationError } from '@intl-sms/core';
import { checkKnownKeys, checkType } from '../check-options.js';
import { positive } from '../check-positive.js';
import { checkSharedSettings } from '../check-settings.js';

/** Keys of the worker's own settings, besides the shared ones. */
const WORKER_KEYS = [
  'concurrency',
  'limiter',
  'receipts',
  'pausedRetryMs',
  'lockDurationMs',
  'sweepIntervalMs',
  'onChunk',
];
/** Fields of the worker settings that must be positive integers when given. */
const POSITIVE = ['concurrency', 'lockDurationMs', 'pausedRetryMs'] as const;
const RECEIPT_KEYS = ['firstPollMs', 'maxPollMs', 'giveUpAfterMs', 'concurrency'] as const;

/** Refuses bad worker settings with a `ValidationError` naming the field, before anything starts. */
export function checkWorkerSettings(settings: unknown): void {
  checkSharedSettings(settings, WORKER_KEYS, 'createSmsWorker');
  const s = settings as Record<string, unknown>;
  for (const field of POSITIVE) positive(field, s[field]);
  checkType('onChunk', s.onChunk, 'function');
  if (s.sweepIntervalMs !== false) positive('sweepIntervalMs', s.sweepIntervalMs);
  if (s.limiter !== undefined) {
    checkKnownKeys(s.limiter, ['max', 'durationMs'], 'limiter', 'limiter.');
    const limiter = s.limiter as Record<string, unknown>;
    positive('limiter.max', limiter.max, true);
    positive('limiter.durationMs', limiter.durationMs, true);
  }
  if (s.receipts === false || s.receipts === undefined) return;
  if (s.receipts === true)
    throw new ValidationError('receipts', 'receipts must be polling settings ({}) or false');
  checkKnownKeys(s.receipts, RECEIPT_KEYS, 'receipts', 'receipts.');
  const receipts = s.receipts as Record<string, unknown>;
  for (const key of RECEIPT_KEYS) positive(`receipts.${key}`, receipts[key]);
}
