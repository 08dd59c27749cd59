import { ConfigurationError } from '../errors/configuration-error.js';
import { defaultRetryPolicy } from '../http/retry-policy.js';
import { describe, durationProblem } from '../validation/check-options.js';
import type { HttpSettings } from './http-settings.js';

const DURATIONS = ['connectTimeout', 'responseTimeout', 'timeout'] as const;
const HOOKS = ['onRetry', 'onRequest', 'onResponse', 'onError'] as const;
const RETRY_KEYS = Object.keys(defaultRetryPolicy);

/**
 * Refuses HTTP settings that cannot be honoured, when the transport is created and with
 * a `ConfigurationError` naming the setting — never a `TypeError` at the first call, nor
 * a value silently replaced by its default: durations that are not positive integers of
 * milliseconds, a size that is not a positive integer, an unknown or malformed `retry`
 * entry, hooks that are not functions, a logger without `warn`, a proxy that is not an
 * http(s) URL, a dispatcher without `dispatch`.
 */
export function checkHttpSettings(settings: HttpSettings): void {
  for (const key of DURATIONS) {
    const problem = durationProblem(settings[key]);
    if (problem) throw new ConfigurationError(key, `${key} ${problem}`);
  }
  checkPositiveInteger('maxResponseBytes', settings.maxResponseBytes);
  for (const key of HOOKS) checkFunction(key, settings[key]);
  checkRetry(settings.retry);
  checkLogger(settings.logger);
  checkProxy(settings.proxy);
  const dispatcher = settings.dispatcher as { dispatch?: unknown } | undefined;
  if (dispatcher !== undefined && typeof dispatcher?.dispatch !== 'function')
    throw new ConfigurationError(
      'dispatcher',
      'dispatcher must be an undici Dispatcher (an Agent, Pool, ProxyAgent or MockAgent)',
    );
}

function checkRetry(retry: unknown): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== 'object' || retry === null || Array.isArray(retry))
    throw new ConfigurationError(
      'retry',
      `retry must be false or an object, got ${describe(retry)}`,
    );
  const entries = Object.entries(retry) as [string, unknown][];
  for (const [key, value] of entries) {
    if (!RETRY_KEYS.includes(key))
      throw new ConfigurationError(
        `retry.${key}`,
        `retry has no option ${key}; known: ${RETRY_KEYS.join(', ')}`,
      );
    if (value === undefined) continue;
    if (key === 'multiplier') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 1)
        throw new ConfigurationError(
          'retry.multiplier',
          `retry.multiplier must be a finite number ≥ 1, got ${describe(value)}`,
        );
    } else if (key === 'maxAttempts') {
      checkPositiveInteger('retry.maxAttempts', value);
    } else {
      const problem = durationProblem(value, 0);
      if (problem) throw new ConfigurationError(`retry.${key}`, `retry.${key} ${problem}`);
    }
  }
}

function checkLogger(logger: unknown): void {
  if (logger === undefined) return;
  const candidate = logger as { warn?: unknown; debug?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.warn !== 'function')
    throw new ConfigurationError(
      'logger',
      'logger must have a warn(message) method (pino, console)',
    );
  if (candidate.debug !== undefined && typeof candidate.debug !== 'function')
    throw new ConfigurationError('logger', 'logger.debug must be a function when present');
}

function checkProxy(proxy: unknown): void {
  if (proxy === undefined) return;
  const text = proxy instanceof URL ? proxy.href : typeof proxy === 'string' ? proxy : undefined;
  const protocol = text === undefined ? undefined : protocolOf(text);
  if (protocol !== 'http:' && protocol !== 'https:')
    // The value is not echoed: a proxy URL may carry a password.
    throw new ConfigurationError('proxy', 'proxy must be an http:// or https:// URL');
}

function protocolOf(text: string): string | undefined {
  try {
    return new URL(text).protocol;
  } catch {
    return undefined;
  }
}

function checkPositiveInteger(field: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new ConfigurationError(
      field,
      `${field} must be a positive integer, got ${describe(value)}`,
    );
}

function checkFunction(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function')
    throw new ConfigurationError(field, `${field} must be a function, got ${describe(value)}`);
}
