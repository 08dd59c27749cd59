import { inspect } from 'node:util';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { AuthenticationError } from '../../errors/authentication-error.js';
import { ChannelUnavailableError } from '../../errors/channel-unavailable-error.js';
import { ConfigurationError } from '../../errors/configuration-error.js';
import { InsufficientBalanceError } from '../../errors/insufficient-balance-error.js';
import { NetworkError } from '../../errors/network-error.js';
import { ProviderError } from '../../errors/provider-error.js';
import { RateLimitError } from '../../errors/rate-limit-error.js';
import { SmsError } from '../../errors/sms-error.js';
import {
  type SubmitOutcomeEvidence,
  SubmitOutcomeUnknownError,
} from '../../errors/submit-outcome-unknown-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import { ValidationError } from '../../errors/validation-error.js';
import { callWithRetry } from '../../http/call-with-retry.js';
import { Credentials } from '../../http/credentials.js';
import { warnIfCredentialsInClear } from '../../http/insecure-transport-warning.js';
import { loadUndici, postJson } from '../../http/post-json.js';
import { defaultRetryPolicy, type RetryPolicy } from '../../http/retry-policy.js';
import { TransportFailure } from '../../http/transport-failure.js';
import { Decimal } from '../../money/decimal.js';
import type { Balance } from '../../transport/balance.js';
import { CALL_OPTION_KEYS, type CallOptions } from '../../transport/call-options.js';
import { checkKnownKeys } from '../../validation/check-options.js';
import { type AnswerPayload, readSjroomAnswer } from './sjroom-answer.js';
import type { SjroomChannel, SjroomReceipt } from './sjroom-api.js';
import { loadSjroomApi } from './sjroom-api-loader.js';
import { CallEvents } from './sjroom-call-events.js';
import {
  SJROOM_CLIENT_SETTING_KEYS,
  SJROOM_DEFAULT_BASE_URL,
  type SjroomClientSettings,
} from './sjroom-client-settings.js';
import type { SjroomEndpoint } from './sjroom-errors.js';
import { channelIdDigits, checkBatchNo, checkContent, checkWirePhones } from './sjroom-inputs.js';
import { sjroomRequestBody } from './sjroom-request-body.js';
import { checkCredentials, checkedBaseUrl } from './sjroom-settings-check.js';

/** Arguments of {@link SjroomClient.submit}. */
export interface SjroomSubmitInput {
  /** The channel (`goodsSupplySmsConfigId`) to send through. */
  readonly channelId: number | string | bigint;
  /** 1–10 000 numbers in wire form: digits only, country code first. */
  readonly phones: readonly string[];
  /** The text, non-empty. */
  readonly content: string;
}

/** Receipts of a batch; `processing` is true when the provider answered `stateCode` `201`. */
export interface SjroomQueryResult extends SjroomReceipt {
  /** True when the provider said the batch is still being processed (every number pending). */
  readonly processing: boolean;
}

const NO_OPTIONS: CallOptions = Object.freeze({});

/** The entries of `value` that are not `undefined` (an explicit `undefined` keeps a default). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface CallSpec<T> {
  readonly endpoint: SjroomEndpoint;
  readonly body: string;
  readonly schema: z.ZodType<T>;
  readonly bareAllowed: boolean;
  readonly channelId?: string;
  readonly batchNo?: string;
  readonly phones?: readonly string[];
}

/**
 * The sjroom API, one method per endpoint, typed and validated. Reads are retried
 * under the retry policy; a submit never is once it may have reached the provider.
 * Credentials are never part of an error, a log line or `inspect` output.
 */
export class SjroomClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  readonly #credentials: Credentials;
  readonly #settings: SjroomClientSettings;
  readonly #retry: RetryPolicy;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #urls: Readonly<Record<SjroomEndpoint, URL>>;
  /** The body of `list` and `balance`, which carry only the credentials. */
  readonly #credentialsOnlyBody: string;
  #dispatcher: Dispatcher | Promise<Dispatcher> | undefined;
  #closed = false;

  constructor(settings: SjroomClientSettings) {
    checkKnownKeys(settings, SJROOM_CLIENT_SETTING_KEYS, 'SjroomClient settings');
    this.baseUrl = checkedBaseUrl(settings.baseUrl ?? SJROOM_DEFAULT_BASE_URL);
    const { account, password } = checkCredentials(settings?.account, settings?.password);
    this.#credentials = new Credentials(account, password);
    this.#credentialsOnlyBody = sjroomRequestBody(this.#credentials);
    const url = (endpoint: SjroomEndpoint) =>
      new URL(`${this.baseUrl}/api/open/int/sms/${endpoint}`);
    this.#urls = {
      list: url('list'),
      submit: url('submit'),
      query: url('query'),
      balance: url('balance'),
    };
    this.#settings = settings;
    this.#retry =
      settings.retry === false
        ? { ...defaultRetryPolicy, maxAttempts: 1 }
        : { ...defaultRetryPolicy, ...definedOnly(settings.retry ?? {}) };
    this.#dispatcher = settings.dispatcher;
    if (settings.dispatcher && settings.proxy !== undefined) {
      throw new ConfigurationError(
        'proxy',
        'Pass either proxy or dispatcher, not both: wrap the proxy in your dispatcher',
      );
    }
  }

  /** `POST /api/open/int/sms/list`: the channels opened for the account. */
  async listChannels(options?: CallOptions): Promise<SjroomChannel[]> {
    const body = this.#credentialsOnlyBody;
    const { sjroomChannelListSchema } = await loadSjroomApi();
    return this.#call(
      { endpoint: 'list', body, schema: sjroomChannelListSchema, bareAllowed: true },
      options,
    ).then((payload) => (payload.kind === 'ok' ? payload.value : []));
  }

  /**
   * `POST /api/open/int/sms/submit`: sends `content` to `phones` and resolves with the
   * batch number. A failure after the request may have left rejects with
   * `SubmitOutcomeUnknownError` and is not retried.
   */
  async submit(input: SjroomSubmitInput, options?: CallOptions): Promise<string> {
    const channelId = channelIdDigits(input?.channelId);
    const phones = checkWirePhones(input.phones);
    const content = checkContent(input.content);
    const body = sjroomRequestBody(
      this.#credentials,
      { phone: phones.join(','), sendContent: content },
      { goodsSupplySmsConfigId: channelId },
    );
    const { sjroomBatchNoSchema } = await loadSjroomApi();
    return this.#call(
      {
        endpoint: 'submit',
        body,
        schema: sjroomBatchNoSchema,
        bareAllowed: false,
        channelId,
        phones,
      },
      options,
    ).then((payload) => {
      if (payload.kind === 'ok') return payload.value;
      throw new SubmitOutcomeUnknownError(phones, channelId, 'the provider answered "processing"', {
        evidence: 'processing',
      });
    });
  }

  /** `POST /api/open/int/sms/query`: the delivery receipts of a batch so far. */
  async query(batchNo: string, options?: CallOptions): Promise<SjroomQueryResult> {
    const checked = checkBatchNo(batchNo);
    const body = sjroomRequestBody(this.#credentials, { batchNo: checked });
    const { sjroomReceiptSchema } = await loadSjroomApi();
    return this.#call(
      { endpoint: 'query', body, schema: sjroomReceiptSchema, bareAllowed: true, batchNo: checked },
      options,
    ).then((payload) =>
      payload.kind === 'ok'
        ? { ...payload.value, processing: false }
        : {
            failPhones: [],
            failedNum: 0,
            successNum: 0,
            successPhones: [],
            totalNum: 0,
            processing: true,
          },
    );
  }

  /** `POST /api/open/int/sms/balance`: the account balance, exact. */
  async balance(options?: CallOptions): Promise<Balance> {
    const body = this.#credentialsOnlyBody;
    const { sjroomBalanceSchema } = await loadSjroomApi();
    return this.#call(
      { endpoint: 'balance', body, schema: sjroomBalanceSchema, bareAllowed: false },
      options,
    ).then((payload) => {
      const amount = payload.kind === 'ok' ? payload.value : '0';
      return { amount, value: Decimal.parse(amount) };
    });
  }

  /**
   * Waits for calls in flight, then releases the connections this client opened. An
   * injected dispatcher is left open for its owner. Later calls reject.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#inFlight]);
    if (this.#settings.dispatcher === undefined && this.#dispatcher !== undefined) {
      await (await this.#dispatcher).close();
    }
  }

  #call<T>(spec: CallSpec<T>, options: CallOptions = NO_OPTIONS): Promise<AnswerPayload<T>> {
    if (this.#closed)
      return Promise.reject(new SmsError('CLIENT_CLOSED', 'The sjroom client is closed'));
    if (options !== NO_OPTIONS) checkKnownKeys(options, CALL_OPTION_KEYS, 'call options');
    if (options.signal?.aborted) {
      // A submit refused here provably sent nothing: say so with a code, not the bare reason.
      return Promise.reject(
        spec.endpoint === 'submit'
          ? new SmsError('ABORTED', 'The submit was not sent: the call was aborted', {
              cause: options.signal.reason,
            })
          : options.signal.reason,
      );
    }
    const promise = this.#callWithRetry(spec, options);
    this.#inFlight.add(promise);
    const forget = () => this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  async #callWithRetry<T>(spec: CallSpec<T>, options: CallOptions): Promise<AnswerPayload<T>> {
    const url = this.#urls[spec.endpoint];
    warnIfCredentialsInClear(url, this.#settings.logger);
    const timeoutMs = options.timeout ?? this.#settings.timeout ?? 60_000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const dispatcher = await this.#getDispatcher();
    const responseTimeout = this.#settings.responseTimeout ?? 30_000;
    const redact = (text: string) => this.#credentials.redact(text);
    const events = new CallEvents(spec.endpoint, this.#settings);
    return callWithRetry(
      { endpoint: spec.endpoint, policy: this.#retry, deadline, onRetry: this.#settings.onRetry },
      async () => {
        events.request();
        const answer = await postJson({
          dispatcher,
          url,
          body: spec.body,
          headersTimeout: responseTimeout,
          bodyTimeout: responseTimeout,
          maxResponseBytes: this.#settings.maxResponseBytes ?? 8 * 1024 * 1024,
          timeoutSignal: deadline,
          callerSignal: options.signal,
        });
        events.response(answer.statusCode);
        return readSjroomAnswer(answer, { ...spec, redact });
      },
      (thrown) => events.error(publicError(thrown, spec, timeoutMs, options.signal)),
    );
  }

  #getDispatcher(): Dispatcher | Promise<Dispatcher> {
    const { proxy, connectTimeout = 10_000 } = this.#settings;
    this.#dispatcher ??= loadUndici().then(({ Agent, ProxyAgent }) =>
      proxy === undefined
        ? new Agent({ connect: { timeout: connectTimeout }, keepAliveTimeout: 10_000 })
        : new ProxyAgent({
            uri: String(proxy),
            connect: { timeout: connectTimeout },
            keepAliveTimeout: 10_000,
          }),
    );
    return this.#dispatcher;
  }

  /** Shows the base URL only; credentials stay hidden. */
  [inspect.custom](): string {
    return `SjroomClient { baseUrl: '${this.baseUrl}' }`;
  }

  /** `SjroomClient { baseUrl: '…' }`: the base URL only; credentials stay hidden. */
  toString(): string {
    return `SjroomClient { baseUrl: '${this.baseUrl}' }`;
  }

  /** Serialises to the base URL only; credentials stay hidden. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

/** Converts what an attempt threw into the error the caller sees. */
function publicError(
  thrown: unknown,
  spec: CallSpec<unknown>,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): unknown {
  const error =
    thrown instanceof TransportFailure ? transportError(thrown, spec, timeoutMs) : thrown;
  if (spec.endpoint === 'submit') return submitError(thrown, error, spec);
  if (thrown instanceof TransportFailure && thrown.kind === 'aborted')
    return callerSignal?.reason ?? thrown.cause;
  return error;
}

function transportError(failure: TransportFailure, spec: CallSpec<unknown>, timeoutMs: number) {
  return failure.kind === 'timeout'
    ? new TimeoutError(spec.endpoint, timeoutMs, { cause: failure.cause })
    : new NetworkError(
        spec.endpoint,
        failure.kind !== 'not-sent',
        `Could not reach the provider for ${spec.endpoint}: ${failure.message}`,
        { cause: failure.cause },
      );
}

/**
 * A submit fails definitely only when nothing can have been sent: the connection was
 * never made, or the provider refused it with a code that proves a refusal. Everything
 * else — a provider `500` or unknown code, an unreadable answer, a timeout, a reset, an
 * error of our own after the request left — is an unknown outcome and is never retried.
 */
function submitError(thrown: unknown, error: unknown, spec: CallSpec<unknown>): unknown {
  if (thrown instanceof TransportFailure) {
    if (thrown.kind === 'not-sent') return error;
    return outcomeUnknown(spec, thrown.message, error, 'no-answer');
  }
  if (isDefiniteRefusal(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const evidence =
    ProviderError.isInstance(error) && error.stateCode !== undefined
      ? 'provider-error'
      : 'unreadable-answer';
  return outcomeUnknown(spec, reason, error, evidence);
}

/** Answers to a submit that prove nothing was sent (stateCode 400, 401, 402, 403, 413, 429). */
function isDefiniteRefusal(error: unknown): boolean {
  return (
    RateLimitError.isInstance(error) ||
    ValidationError.isInstance(error) ||
    AuthenticationError.isInstance(error) ||
    InsufficientBalanceError.isInstance(error) ||
    ChannelUnavailableError.isInstance(error)
  );
}

function outcomeUnknown(
  spec: CallSpec<unknown>,
  reason: string,
  cause: unknown,
  evidence: SubmitOutcomeEvidence,
): SubmitOutcomeUnknownError {
  return new SubmitOutcomeUnknownError(spec.phones ?? [], spec.channelId ?? '', reason, {
    cause,
    evidence,
  });
}
