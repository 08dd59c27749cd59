import { positive } from '../check-positive.js';

/** Fields of the worker settings that must be positive integers when given. */
const POSITIVE = ['concurrency', 'lockDurationMs', 'pausedRetryMs'] as const;

/** Refuses bad worker settings with a `ValidationError` naming the field, before anything starts. */
export function checkWorkerSettings(settings: {
  readonly concurrency?: number;
  readonly lockDurationMs?: number;
  readonly pausedRetryMs?: number;
  readonly sweepIntervalMs?: number | false;
  readonly limiter?: { readonly max: number; readonly durationMs: number };
}): void {
  for (const field of POSITIVE) positive(field, settings[field]);
  if (settings.sweepIntervalMs !== false) positive('sweepIntervalMs', settings.sweepIntervalMs);
  if (settings.limiter !== undefined) {
    positive('limiter.max', settings.limiter?.max, true);
    positive('limiter.durationMs', settings.limiter?.durationMs, true);
  }
}
