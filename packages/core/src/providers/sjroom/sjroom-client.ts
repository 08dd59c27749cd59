import { bindOperation } from '../../kit/bind-http.js';
import { HttpClient } from '../../kit/http-client.js';
import { readOperation, sendOperation } from '../../kit/operation.js';
import type { ProviderCall } from '../../kit/provider-definition.js';
import { INSPECT } from '../../runtime/host.js';
import type { Balance } from '../../transport/balance.js';
import { type CallOptions, NO_CALL_OPTIONS } from '../../transport/call-options.js';
import { checkKnownKeys } from '../../validation/check-options.js';
import type { SjroomChannel } from './sjroom-api.js';
import {
  SJROOM_CLIENT_SETTING_KEYS,
  SJROOM_DEFAULT_BASE_URL,
  type SjroomClientSettings,
} from './sjroom-client-settings.js';
import { channelIdDigits } from './sjroom-inputs.js';
import { checkCredentials, checkedBaseUrl } from './sjroom-settings-check.js';
import { type SjroomQueryResult, type SjroomSubmitInput, SjroomWire } from './sjroom-wire.js';

export type { SjroomQueryResult, SjroomSubmitInput } from './sjroom-wire.js';

/** The sjroom operations as the kit runs them: three reads and one send. */
export const SJROOM_OPERATIONS = {
  list: readOperation('list'),
  submit: sendOperation('submit'),
  query: readOperation('query'),
  balance: readOperation('balance'),
} as const;

const NO_OPTIONS = NO_CALL_OPTIONS;
const wires = new WeakMap<SjroomClient, SjroomWire>();
const https = new WeakMap<SjroomClient, HttpClient>();

/** The wire calls and the HTTP layer of a client (for the sjroom provider; not exported). */
export function internalsOf(client: SjroomClient): { wire: SjroomWire; http: HttpClient } {
  return { wire: wires.get(client) as SjroomWire, http: https.get(client) as HttpClient };
}

/**
 * The sjroom API, one method per endpoint, typed and validated. Reads are retried
 * under the retry policy; a submit never is once it may have reached the provider.
 * Credentials are never part of an error, a log line or `inspect` output.
 */
export class SjroomClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  readonly #wire: SjroomWire;
  readonly #http: HttpClient;
  /** The calls without options, bound once: most calls pass none. */
  readonly #unbound: Readonly<Record<'list' | 'query' | 'balance', ProviderCall>>;

  /**
   * @param settings account, password, base URL and the HTTP settings.
   * @param http the kit's HTTP layer to share (a transport passes its own); else the client
   *   makes one from `settings` and closes it in {@link SjroomClient.close}.
   */
  constructor(settings: SjroomClientSettings, http?: HttpClient) {
    checkKnownKeys(settings, SJROOM_CLIENT_SETTING_KEYS, 'SjroomClient settings');
    this.baseUrl = checkedBaseUrl(settings.baseUrl ?? SJROOM_DEFAULT_BASE_URL);
    const { account, password } = checkCredentials(settings?.account, settings?.password);
    this.#wire = new SjroomWire(this.baseUrl, account, password, settings.logger);
    this.#http = http ?? new HttpClient(settings);
    const bound = (operation: 'list' | 'query' | 'balance') =>
      bindOperation(this.#http, SJROOM_OPERATIONS[operation], NO_OPTIONS);
    this.#unbound = { list: bound('list'), query: bound('query'), balance: bound('balance') };
    wires.set(this, this.#wire);
    https.set(this, this.#http);
  }

  /** `POST /api/open/int/sms/list`: the channels opened for the account. */
  listChannels(options?: CallOptions): Promise<SjroomChannel[]> {
    return this.#wire.list(this.#bind('list', options).http);
  }

  /**
   * `POST /api/open/int/sms/submit`: sends `content` to `phones` and resolves with the
   * batch number. A failure after the request may have left rejects with
   * `SubmitOutcomeUnknownError` and is not retried.
   */
  async submit(input: SjroomSubmitInput, options?: CallOptions): Promise<string> {
    const sent = { phones: input?.phones ?? [], channelId: channelIdDigits(input?.channelId) };
    return this.#wire.submit(
      bindOperation(this.#http, SJROOM_OPERATIONS.submit, options ?? NO_OPTIONS, sent).http,
      input,
    );
  }

  /** `POST /api/open/int/sms/query`: the delivery receipts of a batch so far. */
  query(batchNo: string, options?: CallOptions): Promise<SjroomQueryResult> {
    return this.#wire.query(this.#bind('query', options).http, batchNo);
  }

  /** `POST /api/open/int/sms/balance`: the account balance, exact. */
  balance(options?: CallOptions): Promise<Balance> {
    return this.#wire.balance(this.#bind('balance', options).http);
  }

  /**
   * Waits for calls in flight, then releases the connections (an injected dispatcher is
   * left open for its owner). Later calls reject.
   */
  close(): Promise<void> {
    return this.#http.close();
  }

  #bind(operation: 'list' | 'query' | 'balance', options: CallOptions | undefined) {
    if (options === undefined) return this.#unbound[operation];
    return bindOperation(this.#http, SJROOM_OPERATIONS[operation], options ?? NO_OPTIONS);
  }

  /** `SjroomClient { baseUrl: '…' }`: the base URL only; credentials stay hidden. */
  toString(): string {
    return `SjroomClient { baseUrl: '${this.baseUrl}' }`;
  }

  /** Serialises to the base URL only; credentials stay hidden. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  /** Shows the base URL only; credentials stay hidden. */
  [INSPECT](): string {
    return this.toString();
  }
}
