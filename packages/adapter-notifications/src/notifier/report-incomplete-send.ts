import type { IncompleteSendEvent } from './incomplete-send.js';

/**
 * Hands an incomplete send to the application: its callback when it has one, else a
 * process warning. The framework's logger (`log`), if any, always gets the line too.
 * Nothing here may throw: the provider's decision to resolve must stand.
 */
export async function reportIncompleteSend(
  event: IncompleteSendEvent,
  callback: ((event: IncompleteSendEvent) => void | Promise<void>) | undefined,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  const line = describeIncompleteSend(event);
  if (log) {
    try {
      log(line);
    } catch (error) {
      warnCallbackFailed('the framework logger', error);
    }
  }
  if (typeof callback === 'function') {
    try {
      await callback(event);
      return;
    } catch (error) {
      warnCallbackFailed('onIncompleteSend', error);
    }
  }
  emitWarning(line, 'INTL_SMS_INCOMPLETE_SEND');
}

/**
 * One line for logs and warnings: counts, codes, batch numbers and the framework's ids.
 * Never the text, the numbers or a credential (none of them is in the event's lists
 * that this reads, and the error message is left out on purpose).
 */
export function describeIncompleteSend(event: IncompleteSendEvent): string {
  const { context, kind, code } = event;
  const what = kind === 'unknown' ? 'may or may not have been sent' : 'was sent only in part';
  const ids = Object.entries(context)
    .filter(([key, value]) => key !== 'framework' && typeof value === 'string')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  const settled =
    event.id === undefined
      ? 'rejected (incomplete: "reject"), so a fallback or retry may send it again'
      : `resolved as ${event.id} so that ${context.framework} does not send it again`;
  return [
    `intl-sms: a ${context.framework} SMS ${what} (${code}):`,
    `${event.accepted.length} accepted, ${event.failed.length} refused, ${event.unknown.length} unknown;`,
    `batches: ${event.batchIds.length > 0 ? event.batchIds.join(', ') : 'none'};`,
    `${settled}.`,
    'Check the provider before resending the unknown numbers.',
    ...(ids.length > 0 ? [`[${ids.join(' ')}]`] : []),
  ].join(' ');
}

const warnedCallbacks = new Set<string>();

/** Warns once per callback name; only the error's class name, never its application text. */
function warnCallbackFailed(name: string, error: unknown): void {
  if (warnedCallbacks.has(name)) return;
  warnedCallbacks.add(name);
  const kind = error instanceof Error ? error.name : typeof error;
  emitWarning(
    `intl-sms: ${name} threw (${kind}); the send's outcome is unchanged and reported as a warning instead.`,
    'INTL_SMS_HOOK_FAILED',
  );
}

function emitWarning(message: string, code: string): void {
  process.emitWarning(message, { code });
}
