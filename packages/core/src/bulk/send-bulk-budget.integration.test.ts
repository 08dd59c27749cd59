/**
 * `sendBulk` with `maxCost` (issue #22) against the real mock server: no chunk that would
 * cross the cap is submitted, the rest is booked `budget`, a resume needs a raised cap,
 * and the summary's cost is what the mock charged.
 */
import { DEMO_CREDENTIALS } from '@intl-sms/mock-server';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.js';
import { philippineNumbers, useMockServer } from '../test-support/mock-server.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import { readResumeToken } from './resume-token.js';
import { sendBulk } from './send-bulk.js';

const env = useMockServer();
const TEXT = 'Your parcel is on its way {ref}';

async function balance(): Promise<Decimal> {
  const account = await env.inspector.account(DEMO_CREDENTIALS.account);
  return Decimal.parse(String(account.balance));
}

/** The exact cost of one chunk of `size` Philippine numbers. */
async function chunkCost(
  sms: SmsTransport & { estimate: NonNullable<SmsTransport['estimate']> },
  size: number,
) {
  const to = philippineNumbers(size, 900).map((n) => `+${n}`);
  return Decimal.parse((await sms.estimate({ to, text: TEXT })).totalCost);
}

describe('sendBulk maxCost', () => {
  it('submits no chunk that would cross the cap and books the rest budget', async () => {
    const sms = env.transport();
    const one = await chunkCost(sms, 5);
    // Room for two chunks of five and two fifths of a third: the third must not go.
    const cap = one.multiply(2).add(await chunkCost(sms, 2));
    const before = await balance();
    const summary = await sendBulk(sms, philippineNumbers(25, 100), {
      text: TEXT,
      chunkSize: 5,
      concurrency: 3,
      maxCost: cap.toString(),
    });
    const spent = before.subtract(await balance());
    expect(summary).toMatchObject({ read: 25, submitted: 10, budget: 15, budgetExceeded: true });
    expect(summary.budgetRecipients.map((r) => r.code)).toEqual(Array(15).fill('BUDGET_EXCEEDED'));
    expect(spent.equals(Decimal.parse(summary.totalCost))).toBe(true);
    expect(Decimal.parse(summary.committedCost).equals(one.multiply(2))).toBe(true);
    expect(summary.batchList.map((b) => b.cost)).toEqual([one.toString(), one.toString()]);
    expect((await env.inspector.receivedCounts()).size).toBe(10);
  });

  it('stops at exactly the cap, and a resume sends the rest only under a raised cap, each once', async () => {
    const sms = env.transport();
    const one = await chunkCost(sms, 4);
    const numbers = philippineNumbers(20, 200);
    const cap = one.multiply(2).toString();
    const first = await sendBulk(sms, numbers, { text: TEXT, chunkSize: 4, maxCost: cap });
    expect(first).toMatchObject({ submitted: 8, budget: 12, budgetExceeded: true });
    expect(first.committedCost).toBe(cap);
    expect(readResumeToken(first.resumeToken).committed.equals(one.multiply(2))).toBe(true);

    const same = await sendBulk(sms, numbers, {
      text: TEXT,
      chunkSize: 4,
      maxCost: cap,
      resumeFrom: first,
    });
    expect(same).toMatchObject({ submitted: 0, skipped: 8, budget: 12, budgetExceeded: true });

    const before = await balance();
    const raised = one.multiply(5).toString();
    const rest = await sendBulk(sms, numbers, {
      text: TEXT,
      chunkSize: 4,
      maxCost: raised,
      resumeFrom: same,
    });
    expect(rest).toMatchObject({ submitted: 12, skipped: 8, budget: 0, budgetExceeded: false });
    expect(before.subtract(await balance()).equals(Decimal.parse(rest.totalCost))).toBe(true);
    expect(rest.committedCost).toBe(Decimal.parse(raised).toString());
    const counts = await env.inspector.receivedCounts();
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('reports the cost as it goes and without a cap still adds it up', async () => {
    const sms = env.transport();
    const costs: string[] = [];
    const before = await balance();
    const summary = await sendBulk(sms, philippineNumbers(9, 300), {
      text: '“Hi” — smart',
      chunkSize: 3,
      smartEncoding: true,
      onProgress: (p) => costs.push(p.totalCost),
    });
    expect(costs.length).toBe(3);
    expect(costs.at(-1)).toBe(summary.totalCost);
    expect(before.subtract(await balance()).equals(Decimal.parse(summary.totalCost))).toBe(true);
    const messages = await env.inspector.allMessages();
    expect(messages.every((m) => m.text === '"Hi" - smart' && m.encoding === 'GSM-7')).toBe(true);
    expect(summary.budgetExceeded).toBe(false);
  });

  it('refuses a bad cap, or a cap on a transport that cannot estimate, before reading', async () => {
    const sms = env.transport();
    await expect(
      sendBulk(sms, ['+639171234567'], { text: 'x', maxCost: '1.2.3' }),
    ).rejects.toMatchObject({
      field: 'maxCost',
    });
    const { estimate: _none, ...blind } = Object.assign(Object.create(null), {
      specificationVersion: 'v1' as const,
      provider: 'blind',
      send: sms.send.bind(sms),
      getDeliveryReport: sms.getDeliveryReport.bind(sms),
      getBalance: sms.getBalance.bind(sms),
      listChannels: sms.listChannels.bind(sms),
      close: async () => {},
      estimate: undefined,
    });
    let read = 0;
    const source = (function* () {
      read++;
      yield '+639171234567';
    })();
    await expect(
      sendBulk(blind as SmsTransport, source, { text: 'x', maxCost: '1' }),
    ).rejects.toMatchObject({
      field: 'maxCost',
    });
    expect(read).toBe(0);
  });
});
