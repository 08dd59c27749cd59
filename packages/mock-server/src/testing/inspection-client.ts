import type { FaultRuleInput } from '../faults/fault-rule.js';
import type { ListedFaultRule } from '../faults/fault-set.js';
import type { MessageView } from '../inspect/message-view.js';
import type { PublicAccount } from '../state/accounts.js';
import type { MockChannel } from '../state/channels.js';

/** Which messages to list or wait for (each field optional; all given must match). */
export interface MessageFilter {
  readonly account?: string;
  /** A wire number (digits), or part of one. */
  readonly phone?: string;
  readonly batchNo?: string;
  /** Calling code (`63`) or ISO code (`PH`). */
  readonly country?: string;
  /** Part of the text. */
  readonly text?: string;
}

/** A page of messages, newest first. */
export interface MessagePage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly messages: readonly MessageView[];
}

/** Changes to an account (`PUT /__mock/accounts/:account`). */
export interface AccountChanges {
  readonly password?: string;
  readonly balance?: string | number;
  readonly channels?: readonly (string | number)[] | 'all' | 'none';
}

/** Changes to a channel (`PUT /__mock/channels/:id`). */
export interface ChannelChanges {
  /** Price per recipient per segment: a decimal string or number, at most eight decimals. */
  readonly price?: string | number;
  /** `1` enabled, `0` disabled. */
  readonly status?: 0 | 1;
}

/** What `GET /__mock/health` says. */
export interface MockHealth {
  readonly status: string;
  readonly messages: number;
  readonly recipients: number;
  readonly accounts: number;
  /** Calls still waiting out a latency fault; they take effect when it ends. */
  readonly pendingCalls: number;
  /** Calls answered on the fast lane since the start (`fastLane` option). */
  readonly fastLaneCalls: number;
}

/** Where the mock is: its URL, or a running server (`startMockServer`'s result). */
export type MockLocation = string | { readonly url: string };

/** How {@link mockInspector} reaches the mock. */
export interface MockInspectorOptions {
  /** The mock's `token`, when it was started with one (sent as `Authorization: Bearer`). */
  readonly token?: string;
}

/**
 * A typed client of the mock's inspection and control API, for tests: messages, waits,
 * faults, accounts, the receipt clock, reset, health, and the counts a test's oracle
 * needs. Every method rejects with an error naming the route on a non-2xx answer.
 */
export function mockInspector(location: MockLocation, options: MockInspectorOptions = {}) {
  const base = typeof location === 'string' ? location : location.url;
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    // The mock refuses a change that does not say it is JSON, even one without a body.
    const json: Record<string, string> =
      method === 'GET' ? {} : { 'content-type': 'application/json' };
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...auth, ...json },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  const query = (params: Record<string, string | number | boolean | undefined>) => {
    const entries = Object.entries(params).filter(([, v]) => v !== undefined);
    return entries.length === 0
      ? ''
      : `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
  };
  const page = (
    filter: MessageFilter & { limit?: number; offset?: number; recipients?: boolean } = {},
  ) => call<MessagePage>('GET', `/__mock/messages${query({ ...filter })}`);
  const all = async (filter: MessageFilter = {}): Promise<MessageView[]> => {
    // Pages are newest first, so messages arriving meanwhile shift older ones onto the
    // next page: keyed by `seq`, a message shifted into two pages counts once.
    const found = new Map<number, MessageView>();
    for (let offset = 0; ; offset += 1000) {
      const { messages } = await page({ ...filter, limit: 1000, offset });
      for (const message of messages) found.set(message.seq, message);
      if (messages.length < 1000) return [...found.values()].sort((a, b) => b.seq - a.seq);
    }
  };
  return {
    /** The URL of the mock. */
    url: base,
    /** One page of messages, newest first (`limit` ≤ 1,000). */
    messages: page,
    /** Every message matching `filter`, newest first (all pages). */
    allMessages: all,
    /** One message by batch number. */
    message: (batchNo: string) =>
      call<MessageView>('GET', `/__mock/messages/${encodeURIComponent(batchNo)}`),
    /** Forgets every message. */
    clearMessages: () => call<unknown>('DELETE', '/__mock/messages'),
    /** Long-polls for the oldest matching message after `since` (a `seq`); rejects after `timeout` ms. */
    waitForMessage: (filter: MessageFilter & { since?: number; timeout?: number } = {}) =>
      call<MessageView>('GET', `/__mock/wait${query({ ...filter })}`),
    /**
     * How many times each wire number was received, over every message matching
     * `filter` (an oracle's "each number once" check reads this).
     */
    async receivedCounts(filter: MessageFilter = {}): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      for (const message of await all(filter))
        for (const { phone } of message.recipients ?? [])
          counts.set(phone, (counts.get(phone) ?? 0) + 1);
      return counts;
    },
    /** The fault rules, with their counters. */
    faults: () => call<{ rules: ListedFaultRule[] }>('GET', '/__mock/faults').then((r) => r.rules),
    /** Replaces the fault rules (an empty list clears them). */
    setFaults: (rules: readonly FaultRuleInput[]) =>
      call<{ rules: ListedFaultRule[] }>('PUT', '/__mock/faults', rules).then((r) => r.rules),
    /** Every account (never a password). */
    accounts: () =>
      call<{ accounts: PublicAccount[] }>('GET', '/__mock/accounts').then((r) => r.accounts),
    /** One account with its channels. */
    account: (name: string) =>
      call<PublicAccount & { channels: MockChannel[] }>(
        'GET',
        `/__mock/accounts/${encodeURIComponent(name)}`,
      ),
    /** Creates or changes an account. */
    setAccount: (name: string, changes: AccountChanges) =>
      call<PublicAccount>('PUT', `/__mock/accounts/${encodeURIComponent(name)}`, changes),
    /** Adds to an account's balance. */
    topUp: (name: string, amount: string | number) =>
      call<PublicAccount>('POST', `/__mock/accounts/${encodeURIComponent(name)}/top-up`, {
        amount,
      }),
    /** The channel catalogue. */
    channels: () =>
      call<{ channels: MockChannel[] }>('GET', '/__mock/channels').then((r) => r.channels),
    /**
     * Changes a channel: its price (a decimal with up to eight decimals, charged from the
     * next submit on) or its status (`0` disabled). `reset` restores the catalogue.
     */
    setChannel: (id: string, changes: ChannelChanges) =>
      call<MockChannel>('PUT', `/__mock/channels/${encodeURIComponent(id)}`, changes),
    /** The receipt clock. */
    clock: () => call<{ speed: number; now: number }>('GET', '/__mock/clock'),
    /** Sets the receipt clock's speed (0 freezes receipts) or jumps it ahead. */
    setClock: (changes: { speed?: number; advanceMs?: number }) =>
      call<{ speed: number; now: number }>('PUT', '/__mock/clock', changes),
    /** Back to the start state: channels as generated, accounts, no messages, start faults, clock speed 1. */
    reset: () => call<unknown>('POST', '/__mock/reset'),
    /** Counts, and the calls still in a latency fault. */
    health: () => call<MockHealth>('GET', '/__mock/health'),
    /** Waits until no call is still in a latency fault (its effect has landed). */
    async settled(): Promise<void> {
      for (let calm = 0; calm < 2; ) {
        await new Promise((resolve) => setTimeout(resolve, calm === 0 ? 1 : 5));
        calm = (await call<MockHealth>('GET', '/__mock/health')).pendingCalls === 0 ? calm + 1 : 0;
      }
    },
  };
}

/** The client {@link mockInspector} returns. */
export type MockInspector = ReturnType<typeof mockInspector>;
