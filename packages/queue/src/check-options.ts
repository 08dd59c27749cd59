import { checkKnownKeys, checkNonNegative } from '@intl-sms/core';

export { checkKnownKeys, checkNonNegative, checkOneOf, checkType } from '@intl-sms/core';

/** Refuses bad options of `close()` (of a queue or a worker). */
export function checkCloseOptions(options: unknown): void {
  checkKnownKeys(options, ['timeoutMs'], 'close options');
  checkNonNegative('timeoutMs', (options as { timeoutMs?: unknown } | undefined)?.timeoutMs);
}
