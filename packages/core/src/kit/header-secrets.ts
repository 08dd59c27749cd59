import type { SecretMask } from '../http/secret-forms.js';

/**
 * Headers that describe the body, never a credential: their values are not masked (a
 * provider that passes `accept: application/json` should not see every
 * `application/json` in its errors turn into `***`).
 */
const NOT_SECRET: ReadonlySet<string> = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'content-language',
  'content-type',
  'user-agent',
]);

/**
 * The secrets in a provider's request headers: each value, the credential after its
 * scheme (`Bearer <token>`: an API that refuses a token tends to quote the token, not the
 * header), and for HTTP Basic the decoded `user:password` and its password.
 */
export function headerSecrets(headers: Readonly<Record<string, string>> | undefined): string[] {
  const secrets: string[] = [];
  for (const [name, raw] of Object.entries(headers ?? {})) {
    if (NOT_SECRET.has(name.toLowerCase()) || typeof raw !== 'string') continue;
    const value = raw.trim();
    secrets.push(value);
    const scheme = /^(\S+)\s+(\S.*)$/.exec(value);
    if (!scheme) continue;
    const [, kind = '', credential = ''] = scheme;
    secrets.push(credential);
    if (kind.toLowerCase() === 'basic') secrets.push(...basicSecrets(credential));
  }
  return secrets;
}

/** The decoded `user:password` of a Basic credential, and the password alone. */
function basicSecrets(encoded: string): string[] {
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
  } catch {
    return [];
  }
  const colon = decoded.indexOf(':');
  return colon === -1 ? [decoded] : [decoded, decoded.slice(colon + 1)];
}

/** How deep {@link redactThrown} follows `cause`s and nested objects. */
const MAX_DEPTH = 8;

/**
 * Masks the header secrets in what a call threw, in place: the message, the stack and
 * every other own string property (a snippet of the body, the provider's message) of the
 * error, of its `cause`s and of the objects and arrays it holds (an `AggregateError`'s
 * `errors`, a validation issue list), to a bounded depth. The error is the call's own —
 * built by the provider's `read` from the answer, or by the kit — so changing it is
 * safe; what cannot be changed (a frozen object) is left. Returns `thrown` (a thrown
 * string, masked).
 */
export function redactThrown(thrown: unknown, mask: SecretMask): unknown {
  if (mask.empty) return thrown;
  if (typeof thrown === 'string') return mask.mask(thrown);
  redactObject(thrown, mask, new Set(), 0);
  return thrown;
}

function redactObject(value: unknown, mask: SecretMask, seen: Set<object>, depth: number): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > MAX_DEPTH) return;
  seen.add(value);
  if (!(value instanceof Error || Array.isArray(value) || isPlainObject(value))) return;
  // `message` and `stack` are own but not enumerable; `cause` may be either.
  const keys = new Set([...Object.getOwnPropertyNames(value), 'message', 'stack', 'cause']);
  for (const key of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined) continue;
    // An accessor (V8's `stack` on some versions) is read through; a getter elsewhere is not run.
    const current =
      'value' in descriptor
        ? descriptor.value
        : key === 'stack'
          ? (value as Error).stack
          : undefined;
    if (typeof current === 'string') {
      const masked = mask.mask(current);
      if (masked !== current) replace(value, key, masked, descriptor);
    } else redactObject(current, mask, seen, depth + 1);
  }
}

function replace(target: object, key: string, masked: string, was: PropertyDescriptor): void {
  if ('value' in was && was.writable) Reflect.set(target, key, masked);
  else if (was.configurable)
    Object.defineProperty(target, key, {
      value: masked,
      writable: true,
      enumerable: was.enumerable ?? false,
      configurable: true,
    });
  // Otherwise (a frozen object) it is left as it is.
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
