import { inspect } from 'node:util';
import type { BulkSource, BulkSummary } from '../bulk/bulk-types.js';
import { type BulkOptions, sendBulk } from '../bulk/send-bulk.js';
import {
  type DeliveryWaitResult,
  type WaitForDeliveryOptions,
  waitForDelivery,
} from '../delivery/wait-for-delivery.js';
import { BatchNotFoundError } from '../errors/batch-not-found-error.js';
import { InsufficientBalanceError } from '../errors/insufficient-balance-error.js';
import type { SendEstimate } from '../estimate/cost-estimate.js';
import { Decimal } from '../money/decimal.js';
import { ChannelCache } from '../routing/channel-cache.js';
import { sendDefaults } from '../sending/send-defaults.js';
import { runEstimate, runSend, type SendPipeline } from '../sending/send-pipeline.js';
import { countSegments } from '../text/segments.js';
import type { Balance } from '../transport/balance.js';
import type { Channel, ChannelId } from '../transport/channel.js';
import type {
  DeliveryReport,
  DeliveryStatus,
  RecipientStatus,
} from '../transport/delivery-report.js';
import {
  checkRoutingSettings,
  ROUTING_SETTING_KEYS,
  type RoutingSettings,
} from '../transport/routing-settings.js';
import type { SendResult, SentBatch } from '../transport/send-result.js';
import type { SmsMessage } from '../transport/sms-message.js';
import type { DeliveryReportOptions, SmsTransport } from '../transport/sms-transport.js';
import { checkKnownKeys } from '../validation/check-options.js';
import { DEFAULT_FAKE_CHANNELS } from './fake-channels.js';

/** A submit the fake accepted. */
export interface FakeSubmit {
  readonly id: string;
  readonly channelId: ChannelId;
  readonly phones: readonly string[];
  readonly text: string;
  readonly segments: number;
  /** What it cost, exact. */
  readonly cost: string;
  readonly at: Date;
}

/** Options of {@link FakeTransport}. */
export interface FakeTransportOptions extends RoutingSettings {
  /** The account's channels (default: a handful of countries, see `DEFAULT_FAKE_CHANNELS`). */
  readonly channels?: readonly Channel[] | undefined;
  /** Starting balance as a decimal string (default `100.0000`). */
  readonly balance?: string | undefined;
  /**
   * The receipt each number gets (default: `failed` for numbers ending 0001, `pending`
   * for 0002 — like the mock server — else `delivered`).
   */
  readonly receipt?: ((phone: string) => DeliveryStatus) | undefined;
  /** When false, receipts stay pending until `deliver()` (default true: immediate). */
  readonly autoDeliver?: boolean | undefined;
}

/**
 * An in-memory `SmsTransport` for application tests: records every submit, charges an
 * exact balance, simulates receipts and failures, and shares the real transports'
 * normalisation, routing and batching. It passes the same conformance suite as the
 * sjroom transport.
 */
export class FakeTransport implements SmsTransport {
  /** {@inheritDoc SmsTransport.specificationVersion} */
  readonly specificationVersion = 'v1' as const;
  /** {@inheritDoc SmsTransport.provider} */
  readonly provider = 'fake';
  /** Every accepted submit, oldest first. */
  readonly submits: FakeSubmit[] = [];
  readonly #options: FakeTransportOptions;
  readonly #channels: ChannelCache;
  readonly #delivered = new Set<string>();
  readonly #failures: { error: Error; remaining: number }[] = [];
  #balance: Decimal;
  #sequence = 0;
  #closed = false;

  constructor(options: FakeTransportOptions = {}) {
    checkKnownKeys(
      options,
      [...ROUTING_SETTING_KEYS, 'channels', 'balance', 'receipt', 'autoDeliver'],
      'FakeTransport options',
    );
    checkRoutingSettings(options);
    this.#options = options;
    this.#balance = Decimal.parse(options.balance ?? '100.0000');
    this.#channels = new ChannelCache(
      async () => options.channels ?? DEFAULT_FAKE_CHANNELS,
      Number.POSITIVE_INFINITY,
    );
  }

  /** Every number sent so far, in order. */
  get sentPhones(): string[] {
    return this.submits.flatMap((submit) => submit.phones);
  }

  /** Makes the next `times` submits fail with `error` (e.g. a `SubmitOutcomeUnknownError`). */
  failNext(error: Error, times = 1): void {
    this.#failures.push({ error, remaining: times });
  }

  /** Lets the receipts of a batch (or of every batch) arrive, when `autoDeliver` is false. */
  deliver(batchId?: string): void {
    for (const submit of this.submits)
      if (batchId === undefined || submit.id === batchId) this.#delivered.add(submit.id);
  }

  /** Sets the balance. */
  setBalance(amount: string): void {
    this.#balance = Decimal.parse(amount);
  }

  /** {@inheritDoc SmsTransport.send} */
  send(message: SmsMessage): Promise<SendResult> {
    return runSend(message, this.#pipeline());
  }

  /** Encoding, segments and exact cost of a send, without sending. */
  estimate(
    message: Pick<SmsMessage, 'to' | 'text' | 'channelId' | 'defaultCountry' | 'dedupe'>,
  ): Promise<SendEstimate> {
    return runEstimate(message, this.#pipeline());
  }

  /** Streams recipients into chunked sends with bounded memory; see `sendBulk`. */
  sendBulk(source: BulkSource, options?: BulkOptions): Promise<BulkSummary> {
    return sendBulk(this, source, options);
  }

  /** Polls receipts until every number is final or the timeout passes; see `waitForDelivery`. */
  waitForDelivery(
    batches: readonly (string | SentBatch)[],
    options?: WaitForDeliveryOptions,
  ): Promise<DeliveryWaitResult> {
    return waitForDelivery(this, batches, options);
  }

  /** {@inheritDoc SmsTransport.getDeliveryReport} */
  async getDeliveryReport(id: string, _options?: DeliveryReportOptions): Promise<DeliveryReport> {
    this.#checkOpen();
    const submit = this.submits.find((s) => s.id === id);
    if (!submit) throw new BatchNotFoundError(id);
    const arrived = this.#options.autoDeliver !== false || this.#delivered.has(id);
    const receipt = this.#options.receipt ?? defaultReceipt;
    const recipients: RecipientStatus[] = submit.phones.map((phone) => ({
      phone,
      status: arrived ? receipt(phone) : 'pending',
    }));
    const count = (status: DeliveryStatus) => recipients.filter((r) => r.status === status).length;
    return {
      id,
      recipients,
      delivered: count('delivered'),
      failed: count('failed'),
      pending: count('pending'),
      complete: count('pending') === 0,
    };
  }

  /** {@inheritDoc SmsTransport.getBalance} */
  async getBalance(): Promise<Balance> {
    this.#checkOpen();
    return { amount: this.#balance.toString(), value: this.#balance };
  }

  /** {@inheritDoc SmsTransport.listChannels} */
  async listChannels(): Promise<readonly Channel[]> {
    this.#checkOpen();
    return this.#channels.get();
  }

  /** {@inheritDoc SmsTransport.close} */
  async close(): Promise<void> {
    this.#closed = true;
  }

  #pipeline(): SendPipeline {
    const options = this.#options;
    return {
      defaults: sendDefaults(options, 10_000),
      channels: () => this.listChannels(),
      invalidateChannels: () => undefined,
      submit: async (channelId, phones, text) => this.#submit(channelId, phones, text),
      balance: () => this.getBalance(),
    };
  }

  async #submit(channelId: ChannelId, phones: readonly string[], text: string): Promise<string> {
    this.#checkOpen();
    const failure = this.#failures[0];
    if (failure) {
      failure.remaining--;
      if (failure.remaining <= 0) this.#failures.shift();
      throw failure.error;
    }
    const channel = (await this.#channels.get()).find((c) => String(c.id) === String(channelId));
    const { segments } = countSegments(text);
    const cost = Decimal.parse(channel?.price ?? '0')
      .multiply(segments)
      .multiply(phones.length);
    if (cost.compare(this.#balance) > 0) {
      throw new InsufficientBalanceError('The fake balance is too low for this submit', {
        balance: this.#balance.toString(),
        required: cost.toString(),
      });
    }
    this.#balance = this.#balance.subtract(cost);
    const id = `fake-${++this.#sequence}`;
    this.submits.push({
      id,
      channelId,
      phones,
      text,
      segments,
      cost: cost.toString(),
      at: new Date(),
    });
    return id;
  }

  #checkOpen(): void {
    if (this.#closed) throw new Error('FakeTransport is closed');
  }

  /** A short description, for test output. */
  [inspect.custom](): string {
    return `FakeTransport { submits: ${this.submits.length}, balance: '${this.#balance}' }`;
  }
}

function defaultReceipt(phone: string): DeliveryStatus {
  if (phone.endsWith('0001')) return 'failed';
  if (phone.endsWith('0002')) return 'pending';
  return 'delivered';
}
