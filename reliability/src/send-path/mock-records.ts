import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { Decimal } from '@intl-sms/core';
import type { RunningMockServer } from '@intl-sms/mock-server';

/** What the mock recorded: how often each (wire number, text) arrived, and what it charged. */
export interface MockRecords {
  /** `wire\u0000text` → times received, over every account. */
  readonly received: ReadonlyMap<string, number>;
  /** The sum of every stored batch's cost. */
  readonly charged: Decimal;
}

/** The key of one message: a wire number with its text. */
export const messageKey = (wire: string, text: string): string => `${wire}\u0000${text}`;

/** Reads the mock's inspection API (in process: `inject`, no socket needed). */
export async function readMockRecords(mock: RunningMockServer): Promise<MockRecords> {
  const response = await mock.app.inject({ method: 'GET', url: '/__mock/messages?limit=1000' });
  const { messages } = response.json() as {
    messages: { text: string; cost: string; recipients: { phone: string }[] }[];
  };
  const received = new Map<string, number>();
  let charged = Decimal.zero(4);
  for (const message of messages) {
    charged = charged.add(Decimal.parse(message.cost));
    for (const { phone } of message.recipients) {
      const key = messageKey(phone, message.text);
      received.set(key, (received.get(key) ?? 0) + 1);
    }
  }
  return { received, charged };
}

/** The balance of each account, exact. */
export async function readBalances(
  mock: RunningMockServer,
  accounts: readonly string[],
): Promise<Map<string, Decimal>> {
  const balances = new Map<string, Decimal>();
  for (const account of accounts) {
    const response = await mock.app.inject({ method: 'GET', url: `/__mock/accounts/${account}` });
    balances.set(account, Decimal.parse((response.json() as { balance: string }).balance));
  }
  return balances;
}

/**
 * Waits until every call the mock received has taken effect: none is waiting out a
 * latency fault (`pendingCalls` of `GET /__mock/health`). Two turns of the event loop
 * first let the mock (in this process) read bytes still on their way through loopback.
 */
export async function waitUntilSettled(mock: RunningMockServer): Promise<void> {
  const pending = async () => {
    const response = await mock.app.inject({ method: 'GET', url: '/__mock/health' });
    return (response.json() as { pendingCalls: number }).pendingCalls;
  };
  for (let calm = 0; calm < 2; ) {
    await (calm === 0 ? sleep(1) : setImmediate());
    calm = (await pending()) === 0 ? calm + 1 : 0;
  }
}
