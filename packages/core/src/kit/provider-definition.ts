import type { HttpAnswer } from '../http/http-engine.js';
import type { Balance } from '../transport/balance.js';
import type { CallOptions } from '../transport/call-options.js';
import type { Channel, ChannelId } from '../transport/channel.js';
import type { DeliveryReport } from '../transport/delivery-report.js';
import type { HttpClient } from './http-client.js';

/**
 * The HTTP calls one provider operation makes. The kit binds it to the operation: in a
 * read, a failed call is repeated under the retry policy; in `submit`, never once it may
 * have reached the provider — whatever the provider calls its endpoint.
 */
export interface ProviderHttp {
  /**
   * POSTs `body` (JSON) to `url` and reads the answer with `read`, which returns the
   * result or throws the typed error the answer means (`ValidationError`,
   * `AuthenticationError`, `InsufficientBalanceError`, `ChannelUnavailableError`,
   * `RateLimitError`, `ProviderError`, `UnexpectedResponseError`, …). Rejects with the
   * error the caller should see.
   */
  call<T>(request: ProviderRequest<T>): Promise<T>;
}

/** One HTTP call of a provider: where, what, and how to read the answer. */
export interface ProviderRequest<T> {
  readonly url: URL;
  /** The JSON body. */
  readonly body: string;
  /**
   * Extra request headers (credentials, say): never logged, and their values (as written
   * and escaped; for `Bearer x` also `x`) are masked in whatever error the call ends in
   * and in the hook events, the provider's own errors built from the answer included.
   * `content-type`, `accept` and the like are not masked.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Turns an answer into the result, or throws the provider's typed error for it. */
  readonly read: (answer: HttpAnswer) => T;
}

/** What every operation of a provider gets. */
export interface ProviderCall {
  /** The HTTP calls of this operation (see {@link ProviderHttp}). */
  readonly http: ProviderHttp;
  /** The caller's `signal` and `timeout`. */
  readonly options: CallOptions;
}

/** One submit: one text to 1 – `maxPhonesPerSubmit` numbers through one channel. */
export interface SubmitRequest {
  readonly channelId: ChannelId;
  /** Wire numbers: digits, country code first. */
  readonly phones: readonly string[];
  readonly text: string;
}

/** One batch's receipts. */
export interface DeliveryReportRequest {
  readonly id: string;
  /** The batch's numbers when known (this transport sent it, or the caller said). */
  readonly recipients: readonly string[] | undefined;
}

/** The context `createClient` gets from the kit. */
export interface ProviderClientContext {
  /** The kit's HTTP layer, shared by every operation of the transport. */
  readonly http: HttpClient;
}

/**
 * A provider, as `defineSmsProvider` takes it: how to build its client from its own
 * settings, and its four operations, each one attempt of the real thing — the kit adds
 * routing, batching, deduplication, estimates, bulk sends, delivery waits, hooks, retries
 * and the at-most-once classification of submits.
 */
export interface SmsProviderDefinition<Settings, Client> {
  /** A short name, e.g. `sjroom`: the transport's `provider`. */
  readonly name: string;
  /** Most numbers one submit takes. */
  readonly maxPhonesPerSubmit: number;
  /** The keys of `Settings` (besides the kit's HTTP and routing settings); others are refused. */
  readonly settingKeys: readonly string[];
  /** The provider's names of its four operations, for hooks and logs (default: the method names). */
  readonly operationNames?: Partial<
    Record<'listChannels' | 'submit' | 'getDeliveryReport' | 'getBalance', string>
  >;
  /** Builds the client (credentials, URLs, …) from the settings; throws for bad ones. */
  createClient(settings: Settings, context: ProviderClientContext): Client;
  /** The channels the account may send through, enabled or not. */
  listChannels(client: Client, call: ProviderCall): Promise<readonly Channel[]>;
  /** Submits one batch; resolves with the provider's batch id. */
  submit(client: Client, request: SubmitRequest, call: ProviderCall): Promise<string>;
  /** A batch's receipts so far. */
  getDeliveryReport(
    client: Client,
    request: DeliveryReportRequest,
    call: ProviderCall,
  ): Promise<DeliveryReport>;
  /** The account balance, exact. */
  getBalance(client: Client, call: ProviderCall): Promise<Balance>;
  /** Releases what `createClient` opened besides the kit's HTTP layer. */
  closeClient?(client: Client): Promise<void>;
  /** How `inspect`, `String` and JSON show the transport: never a credential. */
  describe?(client: Client): string;
}
