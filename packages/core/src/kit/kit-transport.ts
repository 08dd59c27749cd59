import type { BulkSource, BulkSummary } from '../bulk/bulk-types.js';
import { type BulkOptions, sendBulk } from '../bulk/send-bulk.js';
import { RecentBatches } from '../delivery/recent-batches.js';
import {
  type DeliveryWaitResult,
  type WaitForDeliveryOptions,
  waitForDelivery,
} from '../delivery/wait-for-delivery.js';
import { SmsError } from '../errors/sms-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { SendEstimate } from '../estimate/cost-estimate.js';
import { loadPhoneNormalizer } from '../phone/normalize-phone.js';
import { ChannelCache } from '../routing/channel-cache.js';
import { Deadline } from '../runtime/deadline.js';
import { INSPECT } from '../runtime/host.js';
import { anySignal, untilAborted } from '../runtime/signals.js';
import { sendDefaults } from '../sending/send-defaults.js';
import { runEstimate, runSend, type SendPipeline } from '../sending/send-pipeline.js';
import type { Balance } from '../transport/balance.js';
import { type CallOptions, checkCallOptions, NO_CALL_OPTIONS } from '../transport/call-options.js';
import type { Channel } from '../transport/channel.js';
import type { DeliveryReport } from '../transport/delivery-report.js';
import { InFlight } from '../transport/in-flight.js';
import { checkRoutingSettings, type RoutingSettings } from '../transport/routing-settings.js';
import type { SendResult, SentBatch } from '../transport/send-result.js';
import type { SmsMessage } from '../transport/sms-message.js';
import {
  DELIVERY_REPORT_OPTION_KEYS,
  type DeliveryReportOptions,
  type SmsTransport,
} from '../transport/sms-transport.js';
import { bindOperation } from './bind-http.js';
import { checkedBalance, checkedChannels, typedReadError } from './checked-answers.js';
import { type SentPayload, unknownUnlessNotSent } from './failure.js';
import type { HttpClient } from './http-client.js';
import { type OperationSpec, readOperation, sendOperation } from './operation.js';
import type { ProviderCall, SmsProviderDefinition } from './provider-definition.js';

/** How many recipients of recent batches a transport remembers, for pending counts. */
const REMEMBERED_RECIPIENTS = 100_000;
const NO_OPTIONS = NO_CALL_OPTIONS;

/**
 * A full {@link SmsTransport} over a provider definition: normalisation, deduplication,
 * routing with the channel cache, batching, estimates, bulk sends, delivery waits, and
 * the provider's operations run through the kit's HTTP layer with the retries each
 * operation allows. `defineSmsProvider(...).createTransport(settings)` makes one;
 * `SjroomTransport` and `FakeTransport` are kit transports too.
 */
export class KitTransport<Client> implements SmsTransport {
  /** {@inheritDoc SmsTransport.specificationVersion} */
  readonly specificationVersion = 'v1' as const;
  /** {@inheritDoc SmsTransport.provider} */
  readonly provider: string;
  /** The provider's client (for sjroom, the `SjroomClient`, 1:1 with the API). */
  readonly client: Client;
  readonly #definition: SmsProviderDefinition<never, Client>;
  readonly #http: HttpClient;
  readonly #recent = new RecentBatches(REMEMBERED_RECIPIENTS);
  readonly #channels: ChannelCache;
  readonly #settings: RoutingSettings;
  readonly #inFlight = new InFlight();
  /** Each read's context without options, bound once: most calls pass none. */
  readonly #unbound = new Map<OperationSpec, ProviderCall>();
  /** The provider's two cached reads, as functions made once (not a closure a call). */
  readonly #balanceCall = (call: ProviderCall) => this.#definition.getBalance(this.client, call);
  readonly #channelsCall = (call: ProviderCall) => this.#definition.listChannels(this.client, call);
  readonly #operations: Readonly<Record<'list' | 'submit' | 'report' | 'balance', OperationSpec>>;

  constructor(
    definition: SmsProviderDefinition<never, Client>,
    client: Client,
    http: HttpClient,
    settings: RoutingSettings = {},
  ) {
    checkRoutingSettings(settings);
    const max = definition.maxPhonesPerSubmit;
    const maxPerSubmit = settings.maxPhonesPerSubmit ?? max;
    if (!Number.isInteger(maxPerSubmit) || maxPerSubmit < 1 || maxPerSubmit > max) {
      throw new ValidationError(
        'maxPhonesPerSubmit',
        `maxPhonesPerSubmit must be an integer from 1 to ${max}`,
      );
    }
    this.provider = definition.name;
    this.client = client;
    this.#definition = definition;
    this.#http = http;
    this.#settings = settings;
    const names = definition.operationNames ?? {};
    this.#operations = {
      list: readOperation(names.listChannels ?? 'listChannels'),
      submit: sendOperation(names.submit ?? 'submit'),
      report: readOperation(names.getDeliveryReport ?? 'getDeliveryReport'),
      balance: readOperation(names.getBalance ?? 'getBalance'),
    };
    this.#channels = new ChannelCache(
      () => this.#listChannels(NO_OPTIONS),
      settings.channelCacheTtlMs ?? 5 * 60_000,
    );
  }

  /**
   * Sends `text` to every number of `to`. Numbers are normalised (E.164, `00`, spaces,
   * national with `defaultCountry`), deduplicated and routed per country to the
   * cheapest enabled channel (or `channelId`, or a preference); each channel's numbers
   * go in submits of at most `maxPhonesPerSubmit`. Never submits the same numbers twice.
   */
  send(message: SmsMessage, options?: CallOptions): Promise<SendResult> {
    return this.#inFlight.run(async () => runSend(message, this.#pipeline(options)));
  }

  /** Encoding, segments and the exact cost per channel of a send, without sending. */
  estimate(message: SmsMessage, options?: CallOptions): Promise<SendEstimate> {
    return this.#inFlight.run(async () => runEstimate(message, this.#pipeline(options)));
  }

  /** Streams recipients into chunked sends with bounded memory; see `sendBulk`. */
  sendBulk(source: BulkSource, options: BulkOptions = {}): Promise<BulkSummary> {
    // sendBulk refuses options that are not an object, naming them.
    if (typeof options !== 'object' || options === null) return sendBulk(this, source, options);
    // The transport's phone settings are the bulk's defaults, as they are a send's.
    const { defaultCountry, phoneValidation } = this.#settings;
    return sendBulk(this, source, {
      ...options,
      ...(options.defaultCountry === undefined && defaultCountry !== undefined
        ? { defaultCountry }
        : {}),
      ...(options.validation === undefined && phoneValidation !== undefined
        ? { validation: phoneValidation }
        : {}),
    });
  }

  /** Polls receipts until every number is final or the timeout passes; see `waitForDelivery`. */
  waitForDelivery(
    batches: readonly (string | SentBatch)[],
    options?: WaitForDeliveryOptions,
  ): Promise<DeliveryWaitResult> {
    return waitForDelivery(this, batches, options);
  }

  /** {@inheritDoc SmsTransport.getDeliveryReport} */
  getDeliveryReport(id: string, options?: DeliveryReportOptions): Promise<DeliveryReport> {
    return this.#inFlight.run(() => this.#report(id, options));
  }

  /** {@inheritDoc SmsTransport.getBalance} */
  getBalance(options?: CallOptions): Promise<Balance> {
    return this.#read(this.#operations.balance, options, this.#balanceCall, checkedBalance, true);
  }

  /** {@inheritDoc SmsTransport.listChannels} */
  listChannels(options?: CallOptions): Promise<readonly Channel[]> {
    return this.#read(this.#operations.list, options, this.#channelsCall, checkedChannels, true);
  }

  /** Lets sends and calls under way finish, refusing new ones, then releases the connections. */
  async close(): Promise<void> {
    await this.#inFlight.drain();
    await this.#definition.closeClient?.(this.client);
    await this.#http.close();
  }

  async #report(id: string, options?: DeliveryReportOptions): Promise<DeliveryReport> {
    checkCallOptions(options, DELIVERY_REPORT_OPTION_KEYS, 'getDeliveryReport options');
    const { recipients: given, ...callOptions } = options ?? {};
    let recipients = given;
    if (recipients) {
      const normalize = await loadPhoneNormalizer();
      recipients = recipients.map((phone) => {
        const check = normalize(phone, { validation: 'possible' });
        return check.ok ? check.value.phone : phone;
      });
    }
    const request = { id, recipients: recipients ?? this.#recent.get(id) };
    return this.#read(
      this.#operations.report,
      callOptions,
      (call) => this.#definition.getDeliveryReport(this.client, request, call),
      (report: DeliveryReport) => report,
      false,
    );
  }

  /** The channel list for a send or the channel cache (tracked by whoever asked). */
  #listChannels(options: CallOptions | undefined): Promise<readonly Channel[]> {
    return this.#read(this.#operations.list, options, this.#channelsCall, checkedChannels, false);
  }

  /** The balance for a send's balance check (tracked by the send). */
  #getBalance(options: CallOptions | undefined): Promise<Balance> {
    return this.#read(this.#operations.balance, options, this.#balanceCall, checkedBalance, false);
  }

  /**
   * Runs a read operation of the provider and checks its answer against the contract;
   * whatever the provider throws reaches the caller typed. `tracked`: a caller's own
   * call, which `close()` waits for and refuses once closing (a send's reads are tracked
   * by the send). All of it is one async step: reads are a polling client's hot path.
   */
  async #read<Answer, T>(
    operation: OperationSpec,
    options: CallOptions | undefined,
    run: (call: ProviderCall) => Promise<Answer>,
    check: (answer: Answer, operation: string) => T,
    tracked: boolean,
  ): Promise<T> {
    if (tracked) this.#inFlight.enter();
    try {
      // The caller's options are checked before the provider runs: their errors are the caller's.
      const call = this.#call(operation, options);
      let answer: Answer;
      try {
        answer = await run(call);
      } catch (error) {
        throw typedReadError(error, operation.name, options?.signal);
      }
      return check(answer, operation.name);
    } finally {
      if (tracked) this.#inFlight.end();
    }
  }

  /** One operation's context: the HTTP layer bound to it, and the caller's options. */
  #call(
    operation: OperationSpec,
    options: CallOptions | undefined,
    sent?: SentPayload,
  ): ProviderCall {
    if (options === undefined && sent === undefined) {
      let bound = this.#unbound.get(operation);
      if (bound === undefined) {
        bound = bindOperation(this.#http, operation, NO_OPTIONS);
        this.#unbound.set(operation, bound);
      }
      return bound;
    }
    checkCallOptions(options);
    return bindOperation(this.#http, operation, options ?? NO_OPTIONS, sent);
  }

  /** The send steps bound to this transport; the options are checked before anything else. */
  #pipeline(options: CallOptions | undefined): SendPipeline {
    checkCallOptions(options);
    return {
      defaults: sendDefaults(this.#settings, this.#definition.maxPhonesPerSubmit),
      channels: () => this.#channelsWithin(options),
      invalidateChannels: () => this.#channels.invalidate(),
      submit: async (channelId, phones, text) => {
        const sent = { phones, channelId: String(channelId) };
        let batchId: string;
        try {
          batchId = await this.#definition.submit(
            this.client,
            { channelId, phones, text },
            this.#call(this.#operations.submit, options, sent),
          );
        } catch (error) {
          // Whatever the provider threw after its request may have left is an unknown
          // outcome, never a failure that invites a resend or a failover.
          throw unknownUnlessNotSent(error, sent);
        }
        if (typeof batchId !== 'string' || batchId === '') {
          throw unknownUnlessNotSent(
            new TypeError(`the provider's submit gave no batch id (${typeof batchId})`),
            sent,
          );
        }
        this.#recent.add(batchId, phones);
        return batchId;
      },
      balance: () => this.#getBalance(options),
    };
  }

  /**
   * The shared channel list, waited for no longer than the caller's signal and timeout
   * allow: the fetch goes on for the other callers, this send ends with nothing sent.
   */
  #channelsWithin(options: CallOptions | undefined): Promise<readonly Channel[]> {
    const shared = this.#channels.get();
    const { signal, timeout } = options ?? NO_OPTIONS;
    if (signal === undefined && timeout === undefined) return shared;
    const deadline = timeout === undefined ? undefined : new Deadline(timeout);
    const limits = deadline ? [deadline.signal] : [];
    if (signal) limits.push(signal);
    const limit = anySignal(limits);
    const settled = () => deadline?.clear();
    shared.then(settled, settled);
    return untilAborted(shared, limit).catch((error: unknown) => {
      if (!limit.aborted || error !== limit.reason) throw error;
      if (signal?.aborted)
        throw new SmsError('ABORTED', 'Nothing was sent: the call was aborted', {
          cause: signal.reason,
        });
      throw new TimeoutError(this.#operations.list.name, timeout ?? 0);
    });
  }

  /** The provider's description (never a credential). */
  toString(): string {
    return this.#definition.describe?.(this.client) ?? `${this.provider} transport`;
  }

  /** Serialises to the description only. */
  toJSON(): { provider: string; description: string } {
    return { provider: this.provider, description: this.toString() };
  }

  /** Shows the description only. */
  [INSPECT](): string {
    return this.toString();
  }
}
