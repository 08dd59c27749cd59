import { EventEmitter, on } from 'node:events';
import * as z from 'zod';
import { type FaultRule, faultRuleSchema } from '../faults/fault-rule.js';
import { FaultSet, type ListedFaultRule } from '../faults/fault-set.js';
import { formatAmount, parseAmount } from '../money/amount.js';
import { type AccountConfig, MOCK_DEFAULTS, type MockServerOptions } from '../options.js';
import type { SegmentCount } from '../text/segments.js';
import { describeIssue, FIELD_ERRORS } from '../wire/describe-issue.js';
import { DEMO_ACCOUNT, type MockAccount } from './accounts.js';
import { Outcome, type StoredBatch } from './batch.js';
import { type BatchFilter, BatchStore, matches } from './batch-store.js';
import { DEFAULT_SEED, generateChannels, type MockChannel } from './channels.js';
import { ReceiptClock } from './clock.js';
import { magicOutcome } from './magic-numbers.js';
import { seededRandom } from './random.js';
import { verifyPassword } from './verify-password.js';

/** What a submit needs once the request is validated and the account authenticated. */
export interface SubmitOrder {
  readonly account: MockAccount;
  readonly channel: MockChannel;
  readonly phones: readonly string[];
  readonly content: string;
  readonly count: SegmentCount;
  readonly cost: bigint;
}

/**
 * Everything the mock server remembers: channels, accounts, batches and their
 * receipts, faults, the receipt clock. One instance per server.
 */
export class MockState {
  /** The channel catalogue: generated from the seed, as changed by {@link updateChannel}. */
  channels: readonly MockChannel[];
  /** Channels by id. */
  readonly channelById = new Map<string, MockChannel>();
  readonly #generatedChannels: readonly MockChannel[];
  /** Accounts by name. */
  readonly accounts = new Map<string, MockAccount>();
  /** Submitted batches. */
  readonly batches: BatchStore;
  /** The clock receipts follow. */
  readonly clock = new ReceiptClock();
  /** Active fault rules. */
  readonly faults: FaultSet;
  /** Emits `message` with each accepted {@link StoredBatch}. */
  readonly events = new EventEmitter();
  /** Calls answered on the fast lane since the start (see `MockServerOptions.fastLane`). */
  fastLaneCalls = 0;
  /** API calls waiting out a latency fault: they take effect when it ends. */
  pendingCalls = 0;
  readonly #options: MockServerOptions;
  readonly #startFaults: readonly FaultRule[];
  readonly #random: () => number;
  #seq = 0;

  /** Throws a `RangeError` naming the field (`[faults.0.delayMs:required for type latency]`) for a bad start fault. */
  constructor(options: MockServerOptions = {}) {
    this.#options = options;
    this.#random = seededRandom(options.seed ?? DEFAULT_SEED);
    this.#generatedChannels = generateChannels({
      seed: options.seed ?? DEFAULT_SEED,
      bigIds: options.bigIds ?? false,
    });
    this.channels = this.#generatedChannels;
    this.batches = new BatchStore({ ...MOCK_DEFAULTS.limits, ...options.limits });
    this.faults = new FaultSet(this.#random);
    const faults = z.array(faultRuleSchema).safeParse(options.faults ?? [], FIELD_ERRORS);
    if (!faults.success) throw new RangeError(describeIssue(faults.error, ['faults']));
    this.#startFaults = faults.data;
    this.events.setMaxListeners(0);
    this.reset();
  }

  /**
   * Restores the start state: the generated channel catalogue, accounts from the options,
   * no batches, start faults, clock speed 1.
   */
  reset(): void {
    this.#setChannels(this.#generatedChannels);
    this.accounts.clear();
    if (this.#options.demoAccount !== false) this.upsertAccount(DEMO_ACCOUNT.account, DEMO_ACCOUNT);
    for (const config of this.#options.accounts ?? []) this.upsertAccount(config.account, config);
    this.batches.clear();
    this.faults.set(this.#startFaults);
    this.clock.setSpeed(1);
  }

  /** The account if the password is right, else undefined. Constant-time comparison. */
  authenticate(account: string, password: string): MockAccount | undefined {
    const found = this.accounts.get(account);
    // An unknown account costs the same comparison, so the time does not tell it exists.
    const matches = verifyPassword(found?.password ?? '', password);
    return found && matches ? found : undefined;
  }

  /**
   * Creates or updates an account. Throws `RangeError` naming the field for a bad
   * balance, an unknown channel id, or a new account without a password.
   */
  upsertAccount(name: string, changes: Partial<Omit<AccountConfig, 'account'>>): MockAccount {
    const existing = this.accounts.get(name);
    if (!existing && !changes.password)
      throw new RangeError('[password:required for a new account]');
    const balance = changes.balance === undefined ? undefined : parseAmount(changes.balance);
    if (changes.balance !== undefined && balance === undefined) {
      throw new RangeError('[balance:must be a decimal with at most 8 decimals]');
    }
    const account: MockAccount = existing ?? {
      account: name,
      password: changes.password ?? '',
      balance: 0n,
      channelIds: new Set(this.channels.map((channel) => channel.id)),
    };
    if (changes.password) account.password = changes.password;
    if (balance !== undefined) account.balance = balance;
    if (changes.channels !== undefined) account.channelIds = this.#channelIds(changes.channels);
    this.accounts.set(name, account);
    return account;
  }

  /**
   * Changes a channel's price (a decimal with up to eight decimals) or status, for
   * tests of pricing; later submits are charged the new price, stored batches keep
   * what they cost. Throws `RangeError` naming the field for an unknown id or a bad price.
   */
  updateChannel(id: string, changes: { price?: string | number; status?: 0 | 1 }): MockChannel {
    const channel = this.channelById.get(id);
    if (!channel) throw new RangeError(`[id:unknown channel id ${id}]`);
    const price = changes.price === undefined ? undefined : parseAmount(changes.price);
    if (changes.price !== undefined && (price === undefined || price < 0n))
      throw new RangeError('[price:must be a decimal ≥ 0 with at most 8 decimals]');
    const updated: MockChannel = {
      ...channel,
      ...(price === undefined ? {} : { price: formatAmount(price) }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
    };
    this.#setChannels(this.channels.map((c) => (c.id === id ? updated : c)));
    return updated;
  }

  #setChannels(channels: readonly MockChannel[]): void {
    this.channels = channels;
    this.channelById.clear();
    for (const channel of channels) this.channelById.set(channel.id, channel);
  }

  /** Charges the account and stores the batch; the caller has checked the balance. */
  accept(order: SubmitOrder): StoredBatch {
    order.account.balance -= order.cost;
    const seq = ++this.#seq;
    const receiptDelays = new Uint32Array(order.phones.length);
    const outcomes = new Uint8Array(order.phones.length);
    const delay = this.#options.receiptDelay ?? MOCK_DEFAULTS.receiptDelay;
    const [minMs, maxMs] = typeof delay === 'number' ? [delay, delay] : [delay.minMs, delay.maxMs];
    const failureRate = this.#options.failureRate ?? 0;
    order.phones.forEach((phone, i) => {
      receiptDelays[i] = Math.round(minMs + this.#random() * Math.max(0, maxMs - minMs));
      const magic = magicOutcome(phone);
      outcomes[i] =
        magic === 'no-receipt'
          ? Outcome.NeverReported
          : magic === 'fails' || this.#random() < failureRate
            ? Outcome.Failed
            : Outcome.Delivered;
    });
    const batch: StoredBatch = {
      seq,
      batchNo: batchNumber(seq),
      account: order.account.account,
      channel: order.channel,
      phones: order.phones,
      content: order.content,
      encoding: order.count.encoding,
      segments: order.count.segments,
      cost: order.cost,
      submittedAt: Date.now(),
      submittedClock: this.clock.now(),
      receiptDelays,
      outcomes,
    };
    this.batches.add(batch);
    this.events.emit('message', batch);
    return batch;
  }

  /** Resolves with the oldest batch matching `filter` whose `seq` is above `since`, or undefined after `timeoutMs`. */
  async waitForMessage(
    filter: BatchFilter,
    since: number,
    timeoutMs: number,
  ): Promise<StoredBatch | undefined> {
    let found: StoredBatch | undefined;
    for (const batch of this.batches.newestFirst(filter)) {
      if (batch.seq <= since) break;
      found = batch;
    }
    if (found) return found;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      for await (const [batch] of on(this.events, 'message', { signal })) {
        if ((batch as StoredBatch).seq > since && matches(batch as StoredBatch, filter))
          return batch as StoredBatch;
      }
    } catch {
      // timed out
    }
    return undefined;
  }

  /** The newest sequence number issued so far. */
  get lastSeq(): number {
    return this.#seq;
  }

  /** The currently active fault rules (the active link of each chain), with their counters. */
  get faultRules(): ListedFaultRule[] {
    return this.faults.list();
  }

  #channelIds(channels: AccountConfig['channels']): Set<string> {
    if (channels === 'all' || channels === undefined)
      return new Set(this.channels.map((channel) => channel.id));
    if (channels === 'none') return new Set();
    const ids = new Set<string>();
    for (const id of channels) {
      const key = String(id);
      if (!this.channelById.has(key)) throw new RangeError(`[channels:unknown channel id ${key}]`);
      ids.add(key);
    }
    return ids;
  }
}

function batchNumber(seq: number): string {
  const now = new Date();
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${String(seq).padStart(6, '0')}`;
}
