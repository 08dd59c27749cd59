/**
 * `AbortSignal.any` and `AbortSignal.timeout`, where the runtime lacks them (the Vercel
 * Edge runtime has neither).
 */

/** A signal that aborts when any of `signals` does, with its reason. */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const native = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (typeof native === 'function') return native.call(AbortSignal, [...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/** A signal that aborts with a `TimeoutError` after `ms` milliseconds. */
export function timeoutSignal(ms: number): AbortSignal {
  const native = (AbortSignal as { timeout?: (ms: number) => AbortSignal }).timeout;
  if (typeof native === 'function') return native.call(AbortSignal, ms);
  const controller = new AbortController();
  setTimeout(() => {
    const reason = new Error('The operation was aborted due to timeout');
    reason.name = 'TimeoutError';
    controller.abort(reason);
  }, ms);
  return controller.signal;
}
