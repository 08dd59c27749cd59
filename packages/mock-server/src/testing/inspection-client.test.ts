import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../start-mock-server.js';
import { DEMO_CREDENTIALS } from '../state/accounts.js';
import { mockInspector } from './inspection-client.js';
import { philippineNumbers, testNumbers, ukNumbers } from './test-numbers.js';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ receiptDelay: 0 });
});
afterAll(async () => {
  await server.close();
});

async function submit(phones: string[], text = 'hi') {
  const channel = server.state.channels.find((c) => c.countryCode === '63' && c.status === 1);
  await fetch(`${server.url}/api/open/int/sms/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...DEMO_CREDENTIALS,
      goodsSupplySmsConfigId: channel?.id,
      phone: phones.join(','),
      sendContent: text,
    }),
  });
}

describe('@intl-sms/mock-server/testing', () => {
  it('lists, waits for, counts and forgets messages', async () => {
    const mock = mockInspector(server);
    await mock.reset();
    const [a = '', b = ''] = philippineNumbers(2);
    await submit([a, b]);
    await submit([a], 'again');
    expect((await mock.messages({ phone: b })).total).toBe(1);
    expect((await mock.allMessages()).length).toBe(2);
    expect([...(await mock.receivedCounts()).entries()].sort()).toEqual([
      [a, 2],
      [b, 1],
    ]);
    expect((await mock.waitForMessage({ text: 'again', timeout: 1000 })).recipients).toEqual([
      expect.objectContaining({ phone: a }),
    ]);
    await mock.clearMessages();
    expect((await mock.health()).messages).toBe(0);
  });

  it('steers faults, accounts and the clock, and waits until delayed calls landed', async () => {
    const mock = mockInspector(server.url);
    const rules = await mock.setFaults([
      { type: 'latency', delayMs: 100, endpoint: 'submit', times: 1 },
    ]);
    expect(rules).toEqual([expect.objectContaining({ type: 'latency', remaining: 1 })]);
    const pending = submit(philippineNumbers(1, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await mock.health()).pendingCalls).toBe(1);
    await mock.settled();
    expect((await mock.health()).pendingCalls).toBe(0);
    await pending;
    await mock.setAccount('other', { password: 'p', balance: '5' });
    expect((await mock.topUp('other', '1.5')).balance).toBe('6.5000');
    expect((await mock.account('other')).channels.length).toBeGreaterThan(0);
    expect((await mock.setClock({ speed: 0 })).speed).toBe(0);
    await mock.reset();
    expect((await mock.clock()).speed).toBe(1);
    await expect(mock.setFaults([{ type: 'latency' } as never])).rejects.toThrow(
      /PUT \/__mock\/faults: HTTP 400/,
    );
  });

  it('reaches a mock started with a token, and only with it', async () => {
    const guarded = await startMockServer({ receiptDelay: 0, token: 'inspector-token' });
    try {
      await expect(mockInspector(guarded).health()).rejects.toThrow(
        /GET \/__mock\/health: HTTP 401/,
      );
      const mock = mockInspector(guarded, { token: 'inspector-token' });
      await mock.clearMessages();
      await mock.reset();
      expect((await mock.health()).messages).toBe(0);
    } finally {
      await guarded.close();
    }
  });

  it('makes numbers that are not magic', () => {
    const phones = testNumbers('+63917', 20, 4, 0);
    expect(phones).toHaveLength(20);
    expect(phones.some((p) => /000[123]$/.test(p))).toBe(false);
    expect(ukNumbers(2)).toEqual(['447400000010', '447400000011']);
    expect(new Set(philippineNumbers(100)).size).toBe(100);
  });
});
