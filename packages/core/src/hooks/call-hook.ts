import { emitWarning } from '../runtime/host.js';

/**
 * Application code we call back (hooks, loggers, progress callbacks) must never change
 * the outcome of the operation it observes: a hook that throws after an accepted submit
 * would otherwise turn "sent" into a failure, and a failover would send it again.
 */

const reported = new Set<string>();

/**
 * Calls `hook` with `args` if it is a function; a throw or a rejected promise from it is
 * reported once per hook name as a process warning and otherwise ignored.
 */
export function callHook<A extends unknown[]>(
  name: string,
  hook: ((...args: A) => unknown) | undefined,
  ...args: A
): void {
  if (typeof hook !== 'function') return;
  try {
    watch(name, hook(...args));
  } catch (error) {
    reportHookFailure(name, error);
  }
}

/** Calls `target[method](...args)` when it is a function, guarded like {@link callHook}. */
export function callMethodHook<T extends object, A extends unknown[]>(
  name: string,
  target: T | undefined,
  method: (target: T) => ((...args: A) => unknown) | undefined,
  ...args: A
): void {
  if (target === undefined || target === null) return;
  try {
    const fn = method(target);
    if (typeof fn === 'function') watch(name, fn.apply(target, args));
  } catch (error) {
    reportHookFailure(name, error);
  }
}

function watch(name: string, result: unknown): void {
  if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
    (result as PromiseLike<unknown>).then(undefined, (error: unknown) =>
      reportHookFailure(name, error),
    );
  }
}

/**
 * Warns once per hook name. Only the error's class name is printed: a hook's message
 * is application text we know nothing about.
 */
export function reportHookFailure(name: string, error: unknown): void {
  if (reported.has(name)) return;
  reported.add(name);
  const kind = error instanceof Error ? error.name : typeof error;
  const message = `intl-sms: ${name} threw (${kind}); the outcome of the call it observed is unchanged. Hooks and loggers must not throw.`;
  emitWarning(message, 'INTL_SMS_HOOK_FAILED');
}
