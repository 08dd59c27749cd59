/**
 * Once the graceful part of a `close` is over, each remaining step (dropping the
 * connections, closing the transport we made) gets this long, so `close` resolves within
 * its `timeoutMs` plus a few times this. A transport request still running past it ends
 * on its own timeout; we do not wait for it.
 */
export const HARD_STOP_MS = 300;

/**
 * Waits for `work` at most `ms`: `'done'` when it settled in time (fulfilled or not),
 * `'timeout'` otherwise. The timer is cleared either way, so nothing is left running.
 */
export async function within(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const settled = work.then(
    () => 'done' as const,
    () => 'done' as const,
  );
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves once `condition()` holds, checked every `everyMs`; `stop()` ends the checks
 * (the promise then stays pending, harmless inside a race).
 */
export function whenTrue(
  condition: () => boolean,
  everyMs: number,
): { readonly reached: Promise<void>; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      if (!condition()) return;
      clearInterval(timer);
      resolve();
    }, everyMs);
  });
  return { reached, stop: () => clearInterval(timer) };
}

/**
 * `work`'s value, or `undefined` as soon as `signal` aborts — for a read that may wait
 * forever on an unreachable Redis while its caller is told to stop.
 */
export async function orAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return undefined;
  let onAbort = () => {};
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
