import { inspect } from 'node:util';
import type { BulkSource, BulkSummary } from '../../bulk/bulk-types.js';
import { type BulkOptions, sendBulk } from '../../bulk/send-bulk.js';
import { RecentBatches } from '../../delivery/recent-batches.js';
import {
  type DeliveryWaitResult,
  type WaitForDeliveryOptions,
  waitForDelivery,
} from '../../delivery/wait-for-delivery.js';
import { ValidationError } from '../../errors/validation-error.js';
import type { SendEstimate } from '../../estimate/cost-estimate.js';
import { loadPhoneNormalizer } from '../../phone/normalize-phone.js';
import { ChannelCache } from '../../routing/channel-cache.js';
import { sendDefaults } from '../../sending/send-defaults.js';
import { runEstimate, runSend, type SendPipeline } from '../../sending/send-pipeline.js';
import type { Balance } from '../../transport/balance.js';
import type { CallOptions } from '../../transport/call-options.js';
import type { Channel } from '../../transport/channel.js';
import type { DeliveryReport } from '../../transport/delivery-report.js';
import { InFlight } from '../../transport/in-flight.js';
import { checkRoutingSettings, type RoutingSettings } from '../../transport/routing-settings.js';
import type { SendResult, SentBatch } from '../../transport/send-result.js';
import type { SmsMessage } from '../../transport/sms-message.js';
import {
  DELIVERY_REPORT_OPTION_KEYS,
  type DeliveryReportOptions,
  type SmsTransport,
} from '../../transport/sms-transport.js';
import { checkKnownKeys } from '../../validation/check-options.js';
import { toChannel } from './sjroom-channel.js';
import type { SjroomClient } from './sjroom-client.js';
import { toDeliveryReport } from './sjroom-delivery-report.js';
import { SJROOM_MAX_PHONES_PER_SUBMIT } from './sjroom-inputs.js';

/** How many recipients of recent batches a transport remembers, for pending counts. */
const REMEMBERED_RECIPIENTS = 100_000;

/** The sjroom implementation of {@link SmsTransport}; create it with `createSjroomTransport`. */
export class SjroomTransport implements SmsTransport {
  /** {@inheritDoc SmsTransport.specificationVersion} */
  readonly specificationVersion = 'v1' as const;
  /** {@inheritDoc SmsTransport.provider} */
  readonly provider = 'sjroom';
  /** The low-level client this transport sends through, 1:1 with the API. */
  readonly client: SjroomClient;
  readonly #recent = new RecentBatches(REMEMBERED_RECIPIENTS);
  readonly #channels: ChannelCache;
  readonly #settings: RoutingSettings;
  readonly #inFlight = new InFlight();

  constructor(client: SjroomClient, settings: RoutingSettings = {}) {
    checkRoutingSettings(settings);
    const maxPerSubmit = settings.maxPhonesPerSubmit ?? SJROOM_MAX_PHONES_PER_SUBMIT;
    if (
      !Number.isInteger(maxPerSubmit) ||
      maxPerSubmit < 1 ||
      maxPerSubmit > SJROOM_MAX_PHONES_PER_SUBMIT
    ) {
      throw new ValidationError(
        'maxPhonesPerSubmit',
        `maxPhonesPerSubmit must be an integer from 1 to ${SJROOM_MAX_PHONES_PER_SUBMIT}`,
      );
    }
    this.client = client;
    this.#settings = settings;
    this.#channels = new ChannelCache(
      async () => (await this.client.listChannels()).map(toChannel),
      settings.channelCacheTtlMs ?? 5 * 60_000,
    );
  }

  /**
   * Sends `text` to every number of `to`. Numbers are normalised (E.164, `00`, spaces,
   * national with `defaultCountry`), deduplicated and routed per country to the
   * cheapest enabled channel (or `channelId`, or a preference); each channel's numbers
   * go in submits of at most 10 000. Never submits the same numbers twice.
   */
  send(message: SmsMessage, options?: CallOptions): Promise<SendResult> {
    return this.#inFlight.run(() => runSend(message, this.#pipeline(options)));
  }

  /** Encoding, segments and the exact cost per channel of a send, without sending. */
  estimate(
    message: Pick<SmsMessage, 'to' | 'text' | 'channelId' | 'defaultCountry' | 'dedupe'>,
    options?: CallOptions,
  ): Promise<SendEstimate> {
    return this.#inFlight.run(() => runEstimate(message, this.#pipeline(options)));
  }

  /** Streams recipients into chunked sends with bounded memory; see {@link sendBulk}. */
  sendBulk(source: BulkSource, options?: BulkOptions): Promise<BulkSummary> {
    return sendBulk(this, source, options);
  }

  /** Polls receipts until every number is final or the timeout passes; see {@link waitForDelivery}. */
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

  async #report(id: string, options?: DeliveryReportOptions): Promise<DeliveryReport> {
    checkKnownKeys(options, DELIVERY_REPORT_OPTION_KEYS, 'getDeliveryReport options');
    const { recipients: _known, ...callOptions } = options ?? {};
    const result = await this.client.query(id, callOptions);
    let recipients = options?.recipients;
    if (recipients) {
      const normalize = await loadPhoneNormalizer();
      recipients = recipients.map((phone) => {
        const check = normalize(phone, { validation: 'possible' });
        return check.ok ? check.value.phone : phone;
      });
    }
    return toDeliveryReport(id, result, recipients ?? this.#recent.get(id));
  }

  /** {@inheritDoc SmsTransport.getBalance} */
  getBalance(options?: CallOptions): Promise<Balance> {
    return this.#inFlight.run(() => this.client.balance(options));
  }

  /** {@inheritDoc SmsTransport.listChannels} */
  listChannels(options?: CallOptions): Promise<readonly Channel[]> {
    return this.#inFlight.run(async () => (await this.client.listChannels(options)).map(toChannel));
  }

  /** Lets sends and calls under way finish, refusing new ones, then releases the connections. */
  async close(): Promise<void> {
    await this.#inFlight.drain();
    await this.client.close();
  }

  #pipeline(options: CallOptions | undefined): SendPipeline {
    const settings = this.#settings;
    return {
      defaults: sendDefaults(settings, SJROOM_MAX_PHONES_PER_SUBMIT),
      channels: () => this.#channels.get(),
      invalidateChannels: () => this.#channels.invalidate(),
      submit: async (channelId, phones, text) => {
        const batchNo = await this.client.submit({ channelId, phones, content: text }, options);
        this.#recent.add(batchNo, phones);
        return batchNo;
      },
      balance: () => this.client.balance(options),
    };
  }

  /** `SjroomTransport { baseUrl: '…' }`: the base URL only; credentials stay hidden. */
  toString(): string {
    return `SjroomTransport { baseUrl: '${this.client.baseUrl}' }`;
  }

  /** Serialises to the provider and base URL only. */
  toJSON(): { provider: string; baseUrl: string } {
    return { provider: this.provider, baseUrl: this.client.baseUrl };
  }

  /** Shows the provider and base URL only. */
  [inspect.custom](): string {
    return `SjroomTransport { baseUrl: '${this.client.baseUrl}' }`;
  }
}
