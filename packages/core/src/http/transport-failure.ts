/**
 * How far a failed HTTP attempt got, which decides whether a submit may be repeated:
 * `not-sent` (the connection was never made), `sent` (bytes may have reached the
 * provider), `timeout` (our deadline passed), `aborted` (the caller's signal fired).
 */
export type TransportFailureKind = 'not-sent' | 'sent' | 'timeout' | 'aborted';

const brand = Symbol.for('intl-sms.transport-failure');

/** Internal: a failed attempt with its classification; converted to a public error by the kit. */
export class TransportFailure extends Error {
  readonly kind: TransportFailureKind;

  constructor(kind: TransportFailureKind, message: string, cause: unknown) {
    super(message, { cause });
    this.kind = kind;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `value` is a {@link TransportFailure}, also one made by another instance of
 * this module (the Node engine is loaded through the package's `#undici-engine` import).
 */
export function isTransportFailure(value: unknown): value is TransportFailure {
  return typeof value === 'object' && value !== null && brand in value;
}

/** Error codes that mean no connection was ever established, so nothing was sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  // Bun's fetch
  'ConnectionRefused',
  'FailedToOpenSocket',
]);

/**
 * Messages of `fetch` failures that happen before a connection exists (Deno words them
 * so, without a code): nothing was sent. Anything else may have been.
 */
const NOT_SENT_MESSAGES =
  /tcp connect error|connection refused|dns error|failed to lookup address|getaddrinfo/i;

/** Classifies an error thrown by undici or `fetch` for one attempt (`timedOut`: the call's deadline passed). */
export function classifyTransportError(
  error: unknown,
  timedOut: boolean,
  callerSignal: AbortSignal | undefined,
): TransportFailure {
  if (timedOut) return new TransportFailure('timeout', 'the call timed out', error);
  if (callerSignal?.aborted) return new TransportFailure('aborted', 'the call was aborted', error);
  const code = errorCode(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new TransportFailure('timeout', `the provider did not answer in time (${code})`, error);
  }
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
    return new TransportFailure('not-sent', `could not connect (${code})`, error);
  }
  if (code === undefined && NOT_SENT_MESSAGES.test(messages(error))) {
    return new TransportFailure('not-sent', 'could not connect', error);
  }
  return new TransportFailure('sent', `the connection failed (${code ?? 'unknown error'})`, error);
}

/** The messages along an error's cause chain, joined. */
function messages(error: unknown): string {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string') found.push(message);
    current = (current as { cause?: unknown }).cause;
  }
  return found.join(' | ');
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
