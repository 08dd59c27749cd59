import type { z } from 'zod';
import { ProviderError } from '../../errors/provider-error.js';
import { RateLimitError } from '../../errors/rate-limit-error.js';
import { UnexpectedResponseError } from '../../errors/unexpected-response-error.js';
import type { HttpAnswer } from '../../http/http-engine.js';
import { jsonErrorPosition, lineAndColumn } from '../../json/json-error-position.js';
import { parseJsonInt64 } from '../../json/parse-json-int64.js';
import { loadSjroomApi, type SjroomApi, sjroomApiNow } from './sjroom-api-loader.js';
import { type SjroomEndpoint, sjroomError } from './sjroom-errors.js';
import { plainEnvelope } from './sjroom-fast-read.js';

const SNIPPET_LENGTH = 200;
/** How much of a body is redacted for its snippet; see {@link snippet}. */
const SNIPPET_WINDOW = 64 * 1024;

/** Makes the error for an answer the contract cannot read (retryable for a read, or not). */
type Unexpected = (reason: string, retryable: boolean, cause?: unknown) => UnexpectedResponseError;

/** How to read one endpoint's answer. */
export interface AnswerReading<T> {
  readonly endpoint: SjroomEndpoint;
  /**
   * Picks the schema of the payload (the bare body or the envelope's `data`) from the
   * schemas module, which is loaded only when an answer is not plainly valid.
   */
  readonly schema: (api: SjroomApi) => z.ZodType<T>;
  /** The payload when it is plainly valid, else `undefined` (the schema decides then). */
  readonly fast?: ((value: unknown) => T | undefined) | undefined;
  /** Whether a bare (un-enveloped) success body is allowed (list and query). */
  readonly bareAllowed: boolean;
  /** Removes credentials from provider text before it goes into an error. */
  readonly redact: (text: string) => string;
  readonly channelId?: string | number;
  readonly batchNo?: string;
}

/** The payload of a successful answer, or `processing` for query's `stateCode` `201`. */
export type AnswerPayload<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'processing' };

/**
 * Turns an HTTP answer into the endpoint's payload, or throws the typed error the
 * contract assigns to it. Never includes the request in an error.
 */
export function readSjroomAnswer<T>(
  answer: HttpAnswer,
  reading: AnswerReading<T>,
): AnswerPayload<T> {
  const { endpoint } = reading;
  const unexpected = (reason: string, retryable: boolean, cause?: unknown) =>
    new UnexpectedResponseError(
      endpoint,
      answer.statusCode,
      reason,
      snippet(answer.text, reading.redact),
      {
        retryable,
        cause,
      },
    );

  // A bare HTTP 429 to a submit comes from whatever sits in front of the provider, and
  // proves nothing about the submit: only a `429` envelope (below) refuses it for sure.
  if (answer.statusCode === 429 && (endpoint !== 'submit' || !answer.text.includes('stateCode'))) {
    if (endpoint === 'submit') throw unexpected('HTTP 429 without a sjroom envelope', false);
    throw new RateLimitError(
      `The provider is rate limiting ${endpoint} (HTTP 429)`,
      retryAfterMs(answer.headers),
    );
  }
  if (answer.truncated) throw unexpected('the body is larger than the size limit', false);

  let body: unknown;
  try {
    body = parseJsonInt64(answer.text);
  } catch {
    // The parser's own SyntaxError quotes the start of the body, which may echo the
    // password: it is never kept. The cause says where parsing failed instead.
    const cause = jsonSyntaxError(answer.text);
    if (answer.statusCode >= 500) throw httpFailure(answer, endpoint);
    if (!isSuccess(answer))
      throw unexpected(`HTTP ${answer.statusCode} without a sjroom envelope`, false, cause);
    const reason = answer.text.trim() === '' ? 'the body is empty' : 'the body is not JSON';
    throw unexpected(reason, true, cause);
  }

  const envelope = isEnvelopeLike(body) ? readEnvelope(body, unexpected) : undefined;
  if (envelope?.success) {
    const { stateCode, stateMsg, data } = envelope.data;
    if (stateCode === '200') return { kind: 'ok', value: parsePayload(data, reading, unexpected) };
    if (stateCode === '201' && endpoint === 'query') return { kind: 'processing' };
    throw sjroomError({
      endpoint,
      stateCode,
      stateMsg: reading.redact(stateMsg ?? ''),
      statusCode: answer.statusCode,
      retryAfterMs: retryAfterMs(answer.headers),
      ...(reading.channelId === undefined ? {} : { channelId: reading.channelId }),
      ...(reading.batchNo === undefined ? {} : { batchNo: reading.batchNo }),
    });
  }
  if (!isSuccess(answer)) {
    if (answer.statusCode >= 500) throw httpFailure(answer, endpoint);
    throw unexpected(`HTTP ${answer.statusCode} without a sjroom envelope`, false);
  }
  if (envelope && !envelope.success)
    throw unexpected('the envelope has wrong types', false, envelope.error);
  if (!reading.bareAllowed) throw unexpected('expected a sjroom envelope', false);
  return { kind: 'ok', value: parsePayload(body, reading, unexpected) };
}

function parsePayload<T>(value: unknown, reading: AnswerReading<T>, unexpected: Unexpected): T {
  const fast = reading.fast?.(value);
  if (fast !== undefined) return fast;
  const parsed = reading.schema(schemasOrUnexpected(unexpected)).safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw unexpected(`the payload does not match the contract${where}`, false, parsed.error);
}

/** The envelope, checked by hand when plainly valid, else by its zod schema. */
function readEnvelope(body: Record<string, unknown>, unexpected: Unexpected) {
  const plain = plainEnvelope(body);
  return plain
    ? { success: true as const, data: plain }
    : schemasOrUnexpected(unexpected).sjroomEnvelopeSchema.safeParse(body);
}

/**
 * The schemas, to read an answer that is not plainly valid. An answer is read after its
 * request went out, so schemas that cannot load (an install without zod) make the answer
 * unreadable — an unexpected response, for a submit an unknown outcome — never an error
 * that says nothing was sent. Retryable: a read tried again may find them loaded (an
 * application's own import of zod, still under way, blocks a synchronous load); a submit
 * is never repeated once it may have left, whatever the error says.
 */
function schemasOrUnexpected(unexpected: Unexpected): SjroomApi {
  try {
    return sjroomApiNow();
  } catch (error) {
    // Loaded the other way meanwhile, for the attempt that follows: an import already
    // under way is waited for rather than raced.
    void loadSjroomApi().catch(() => undefined);
    throw unexpected(
      'the answer needs the zod schemas to be read, and they did not load',
      true,
      error,
    );
  }
}

function isSuccess(answer: HttpAnswer): boolean {
  return answer.statusCode >= 200 && answer.statusCode < 300;
}

function isEnvelopeLike(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'stateCode' in body;
}

function httpFailure(answer: HttpAnswer, endpoint: SjroomEndpoint): ProviderError {
  return new ProviderError(
    { stateCode: undefined, stateMsg: undefined, endpoint, statusCode: answer.statusCode },
    { retryable: endpoint !== 'submit' },
  );
}

/**
 * A `SyntaxError` that says where `text` stops being JSON and quotes none of it: the
 * `cause` of an unreadable answer, in place of the parser's error.
 */
function jsonSyntaxError(text: string): SyntaxError {
  const position = jsonErrorPosition(text);
  if (position === undefined) return new SyntaxError('the body is not valid JSON');
  const { line, column } = lineAndColumn(text, position);
  const what =
    position >= text.length
      ? 'ends before the JSON value is complete'
      : 'has a character that cannot continue the JSON';
  return new SyntaxError(
    `the body ${what} at position ${position} (line ${line}, column ${column}) of ${text.length} characters`,
  );
}

/**
 * The start of a body, redacted. Redaction runs over the body's first 64 KiB, not just
 * the characters shown: a secret cut in two by the window's end sits in its last
 * characters, far from the start that is shown, unless masks shrank the window by more
 * than a quarter; then the whole body is redacted.
 */
function snippet(text: string, redact: (text: string) => string): string {
  const window = text.slice(0, SNIPPET_WINDOW);
  let redacted = redact(window);
  if (window.length < text.length && window.length - redacted.length > SNIPPET_WINDOW / 4)
    redacted = redact(text);
  return redacted.slice(0, SNIPPET_LENGTH);
}

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds. */
function retryAfterMs(headers: HttpAnswer['headers']): number | undefined {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
