import { inspect } from 'node:util';
import { ValidationError } from '../../errors/validation-error.js';
import { toWireNumber } from '../../phone/wire-number.js';
import type { Balance } from '../../transport/balance.js';
import type { CallOptions } from '../../transport/call-options.js';
import type { Channel } from '../../transport/channel.js';
import type { DeliveryReport } from '../../transport/delivery-report.js';
import type { RejectedRecipient, SendResult } from '../../transport/send-result.js';
import type { SmsMessage } from '../../transport/sms-message.js';
import type { DeliveryReportOptions, SmsTransport } from '../../transport/sms-transport.js';
import { toChannel } from './sjroom-channel.js';
import type { SjroomClient } from './sjroom-client.js';
import { toDeliveryReport } from './sjroom-delivery-report.js';
import { checkContent, SJROOM_MAX_PHONES_PER_SUBMIT } from './sjroom-inputs.js';

/** How many sent batches a transport remembers the recipients of, for pending counts. */
const REMEMBERED_BATCHES = 10_000;

/** The sjroom implementation of {@link SmsTransport}; create it with `createSjroomTransport`. */
export class SjroomTransport implements SmsTransport {
  /** {@inheritDoc SmsTransport.specificationVersion} */
  readonly specificationVersion = 'v1' as const;
  /** {@inheritDoc SmsTransport.provider} */
  readonly provider = 'sjroom';
  /** The low-level client this transport sends through, 1:1 with the API. */
  readonly client: SjroomClient;
  readonly #recipientsByBatch = new Map<string, readonly string[]>();

  constructor(client: SjroomClient) {
    this.client = client;
  }

  /**
   * Sends `text` to every number of `to` through `channelId` in one submit. Numbers
   * that cannot be wire numbers fail the whole send with a `ValidationError` naming
   * them; repeated numbers are sent once and reported in `rejected`.
   */
  async send(message: SmsMessage, options?: CallOptions): Promise<SendResult> {
    const text = checkContent(message?.text, 'text');
    if (message.channelId === undefined) {
      throw new ValidationError('channelId', 'channelId is required: pick one from listChannels()');
    }
    const { phones, rejected } = wirePhones(message.to);
    const batchNo = await this.client.submit(
      { channelId: message.channelId, phones, content: text },
      options,
    );
    this.#remember(batchNo, phones);
    return {
      id: batchNo,
      batches: [{ id: batchNo, channelId: message.channelId, recipients: phones }],
      accepted: phones,
      rejected,
    };
  }

  /** {@inheritDoc SmsTransport.getDeliveryReport} */
  async getDeliveryReport(id: string, options?: DeliveryReportOptions): Promise<DeliveryReport> {
    const result = await this.client.query(id, options);
    const recipients = options?.recipients?.map((phone) => {
      const wire = toWireNumber(phone);
      return wire.ok ? wire.phone : phone;
    });
    return toDeliveryReport(id, result, recipients ?? this.#recipientsByBatch.get(id));
  }

  /** {@inheritDoc SmsTransport.getBalance} */
  getBalance(options?: CallOptions): Promise<Balance> {
    return this.client.balance(options);
  }

  /** {@inheritDoc SmsTransport.listChannels} */
  async listChannels(options?: CallOptions): Promise<readonly Channel[]> {
    return (await this.client.listChannels(options)).map(toChannel);
  }

  /** {@inheritDoc SmsTransport.close} */
  close(): Promise<void> {
    return this.client.close();
  }

  #remember(batchNo: string, phones: readonly string[]): void {
    if (this.#recipientsByBatch.size >= REMEMBERED_BATCHES) {
      const oldest = this.#recipientsByBatch.keys().next().value;
      if (oldest !== undefined) this.#recipientsByBatch.delete(oldest);
    }
    this.#recipientsByBatch.set(batchNo, phones);
  }

  /** Shows the provider and base URL only. */
  [inspect.custom](): string {
    return `SjroomTransport { baseUrl: '${this.client.baseUrl}' }`;
  }
}

function wirePhones(to: unknown): { phones: string[]; rejected: RejectedRecipient[] } {
  const inputs = typeof to === 'string' ? [to] : to;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new ValidationError('to', 'to must be a number or a non-empty array of numbers');
  }
  const phones: string[] = [];
  const rejected: RejectedRecipient[] = [];
  const seen = new Set<string>();
  inputs.forEach((input: unknown, index) => {
    const wire = toWireNumber(input as string);
    if (!wire.ok)
      throw new ValidationError(
        `to[${index}]`,
        `to[${index}] is not a valid number: ${wire.reason}`,
      );
    if (seen.has(wire.phone)) {
      rejected.push({ input: String(input), reason: 'duplicate' });
      return;
    }
    seen.add(wire.phone);
    phones.push(wire.phone);
  });
  if (phones.length > SJROOM_MAX_PHONES_PER_SUBMIT) {
    throw new ValidationError(
      'to',
      `to holds ${phones.length} numbers; one send takes at most ${SJROOM_MAX_PHONES_PER_SUBMIT}`,
    );
  }
  return { phones, rejected };
}
