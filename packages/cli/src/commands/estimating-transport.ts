import {
  Decimal,
  type RecipientOutcome,
  type SendResult,
  type SjroomTransport,
  type SmsMessage,
  type SmsTransport,
} from '@intl-sms/core';

/** What the sends through an {@link EstimatingTransport} would have cost. */
export interface EstimateTotals {
  /** Segments over every recipient that would be sent. */
  segments: number;
  /** The exact total cost. */
  cost: Decimal;
  /** False when some channel's price is unknown, so `cost` is a lower bound. */
  complete: boolean;
  /** The exact cost of the texts as written, and as smart encoding would send them. */
  original: Decimal;
  smart: Decimal;
}

/**
 * A transport whose `send` only prices the message (`estimate`) and reports every
 * recipient that would be submitted as accepted. Running `sendBulk` through it gives a
 * dry run the exact selection of the real run — invalid rows, repeats across the whole
 * file, rows a `--resume` skips — without sending anything.
 */
export class EstimatingTransport implements SmsTransport {
  readonly specificationVersion = 'v1';
  readonly provider: string;
  readonly totals: EstimateTotals = {
    segments: 0,
    cost: Decimal.zero(4),
    complete: true,
    original: Decimal.zero(4),
    smart: Decimal.zero(4),
  };
  /** The first error an estimate threw: a dry run reports it rather than counting failures. */
  error: unknown;
  readonly #sms: SjroomTransport;

  constructor(sms: SjroomTransport) {
    this.#sms = sms;
    this.provider = sms.provider;
  }

  async send(message: SmsMessage): Promise<SendResult> {
    let estimate: Awaited<ReturnType<SjroomTransport['estimate']>>;
    try {
      estimate = await this.#sms.estimate({
        to: message.to,
        text: message.text,
        ...(message.channelId === undefined ? {} : { channelId: message.channelId }),
        ...(message.dedupe === undefined ? {} : { dedupe: message.dedupe }),
        ...(message.smartEncoding === undefined ? {} : { smartEncoding: message.smartEncoding }),
      });
    } catch (error) {
      this.error ??= error;
      throw error;
    }
    this.totals.segments += estimate.segments * estimate.recipients;
    this.totals.cost = this.totals.cost.add(Decimal.parse(estimate.totalCost));
    this.totals.complete &&= estimate.complete;
    const { original, smart } = estimate.smartEncoding;
    this.totals.original = this.totals.original.add(Decimal.parse(original.totalCost));
    this.totals.smart = this.totals.smart.add(Decimal.parse(smart.totalCost));
    const rejected = new Map(estimate.rejected.map((r) => [r.index, r.reason]));
    const duplicates = new Set(estimate.duplicates.map((d) => d.index));
    const to = typeof message.to === 'string' ? [message.to] : [...message.to];
    const recipients = to.map((input, index): RecipientOutcome => {
      const reason = rejected.get(index);
      if (reason !== undefined) return { input, state: 'rejected', reason };
      return { input, state: duplicates.has(index) ? 'duplicate' : 'accepted' };
    });
    return {
      id: '',
      batches: [],
      accepted: [],
      rejected: estimate.rejected,
      duplicates: estimate.duplicates,
      recipients,
      text: estimate.text,
      encoding: estimate.encoding,
      segments: estimate.segments,
      smartEncoded: estimate.smartEncoding.used,
      // Nothing was accepted, so nothing cost anything: the would-be cost is in `totals`.
      totalCost: '0',
      costComplete: true,
    };
  }

  getDeliveryReport(): never {
    throw new Error('a dry run has no batches');
  }

  getBalance(): ReturnType<SmsTransport['getBalance']> {
    return this.#sms.getBalance();
  }

  listChannels(): ReturnType<SmsTransport['listChannels']> {
    return this.#sms.listChannels();
  }

  async close(): Promise<void> {}
}
