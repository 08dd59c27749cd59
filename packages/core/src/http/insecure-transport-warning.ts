import { callMethodHook } from '../hooks/call-hook.js';
import { emitWarning } from '../runtime/host.js';

const warnedOrigins = new Set<string>();

/** Something with a `warn` method: `console`, a pino logger, etc. */
export interface WarnLogger {
  warn(message: string): void;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Warns once per process and origin when credentials are about to travel over plain
 * HTTP to a host other than loopback (the vendor documents an `http://` base URL).
 */
export function warnIfCredentialsInClear(url: URL, logger: WarnLogger | undefined): void {
  if (url.protocol !== 'http:' || isLoopback(url.hostname) || warnedOrigins.has(url.origin)) return;
  warnedOrigins.add(url.origin);
  const message = `intl-sms: credentials are sent to ${url.origin} over plain HTTP; use an https:// base URL if the provider offers one`;
  if (logger) callMethodHook('logger.warn', logger, (l) => l.warn, message);
  else emitWarning(message, 'INTL_SMS_PLAINTEXT_CREDENTIALS');
}
