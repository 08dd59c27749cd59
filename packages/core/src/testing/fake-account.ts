import { BatchNotFoundError } from '../errors/batch-not-found-error.js';
import { InsufficientBalanceError } from '../errors/insufficient-balance-error.js';
import { deliveryReportOf } from '../kit/delivery-report-of.js';
import { Decimal } from '../money/decimal.js';
import { countSegments } from '../text/segments.js';
import type { Balance } from '../transport/balance.js';
import type { Channel, ChannelId } from '../transport/channel.js';
import type {
  DeliveryReport,
  DeliveryStatus,
  RecipientStatus,
} from '../transport/delivery-report.js';
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

/** What the fake provider is set up with. */
export interface FakeAccountSettings {
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

/** The fake provider's account: its channels, balance, submits and receipts, in memory. */
export class FakeAccount {
  /** Every accepted submit, oldest first. */
  readonly submits: FakeSubmit[] = [];
  readonly #settings: FakeAccountSettings;
  readonly #delivered = new Set<string>();
  readonly #failures: { error: Error; remaining: number }[] = [];
  #balance: Decimal;
  #sequence = 0;

  constructor(settings: FakeAccountSettings) {
    this.#settings = settings;
    this.#balance = Decimal.parse(settings.balance ?? '100.0000');
  }

  /** The channels, as the provider lists them. */
  channels(): readonly Channel[] {
    return this.#settings.channels ?? DEFAULT_FAKE_CHANNELS;
  }

  /** Makes the next `times` submits fail with `error`. */
  failNext(error: Error, times: number): void {
    this.#failures.push({ error, remaining: times });
  }

  /** Lets the receipts of a batch (or of every batch) arrive. */
  deliver(batchId: string | undefined): void {
    for (const submit of this.submits)
      if (batchId === undefined || submit.id === batchId) this.#delivered.add(submit.id);
  }

  /** Sets the balance. */
  setBalance(amount: string): void {
    this.#balance = Decimal.parse(amount);
  }

  /** The balance, exact. */
  balance(): Balance {
    return { amount: this.#balance.toString(), value: this.#balance };
  }

  /** Accepts a submit (or fails it, as `failNext` asked): charges price × segments × numbers. */
  submit(channelId: ChannelId, phones: readonly string[], text: string): string {
    const failure = this.#failures[0];
    if (failure) {
      failure.remaining--;
      if (failure.remaining <= 0) this.#failures.shift();
      throw failure.error;
    }
    const channel = this.channels().find((c) => String(c.id) === String(channelId));
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

  /** A batch's receipts. */
  report(id: string): DeliveryReport {
    const submit = this.submits.find((s) => s.id === id);
    if (!submit) throw new BatchNotFoundError(id);
    const arrived = this.#settings.autoDeliver !== false || this.#delivered.has(id);
    const receipt = this.#settings.receipt ?? defaultReceipt;
    const recipients: RecipientStatus[] = submit.phones.map((phone) => ({
      phone,
      status: arrived ? receipt(phone) : 'pending',
    }));
    return deliveryReportOf(id, recipients);
  }
}

function defaultReceipt(phone: string): DeliveryStatus {
  if (phone.endsWith('0001')) return 'failed';
  if (phone.endsWith('0002')) return 'pending';
  return 'delivered';
}
