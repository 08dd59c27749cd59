/**
 * The cap holds where a hostile review found it crossed (issue #22): a re-route after a
 * refused channel next to a submit of unknown outcome, a price raised while the channel
 * list was cached, a failover after a possibly charged submit; and only plain amounts
 * are taken as caps.
 */
import { DEMO_CREDENTIALS } from '@intl-sms/mock-server';
import { describe, expect, it } from 'vitest';
import { readResumeToken } from '../bulk/resume-token.js';
import { sendBulk } from '../bulk/send-bulk.js';
import { BudgetExceededError, PartialSendError, ValidationError } from '../errors/index.js';
import { createFailoverTransport } from '../failover/create-failover-transport.js';
import { Decimal } from '../money/decimal.js';
import { mockServer, useMockServer } from '../test-support/mock-server.js';

const env = useMockServer();
const PH = ['+639171234501', '+639171234502', '+639171234503'];
const RU = '+79123456789';

async function spentDuring(run: () => Promise<unknown>, on = env): Promise<Decimal> {
  const balance = async () =>
    Decimal.parse(String((await on.inspector.account(DEMO_CREDENTIALS.account)).balance));
  const before = await balance();
  await run().catch(() => undefined);
  await on.inspector.settled();
  return before.subtract(await balance());
}

/** The cheapest enabled Russian channel's id (the route a send takes first). */
function cheapRussianRoute(): number {
  const [cheapest] = env.enabled('7').sort((a, b) => Number(a.price) - Number(b.price));
  return Number(cheapest?.id);
}

describe('maxCost holds', () => {
  it('refuses a re-route that, with a submit of unknown outcome, would cross the cap', async () => {
    const sms = env.transport();
    const message = { to: [...PH, RU], text: 'hello' };
    const { totalCost } = await sms.estimate(message);
    const russia = cheapRussianRoute();
    await env.inspector.setFaults([
      {
        endpoint: 'submit',
        country: 'PH',
        type: 'state-code',
        stateCode: 500,
        afterProcessing: true,
        times: 1,
      },
      { endpoint: 'submit', channelId: russia, type: 'latency', delayMs: 800, times: 1 },
    ] as never);
    let error: unknown;
    const spent = await spentDuring(async () => {
      const sending = sms.send({ ...message, maxCost: totalCost }).catch((e: unknown) => {
        error = e;
      });
      // Close the cheap Russian route while its submit is held: the mock refuses it.
      while ((await env.inspector.health()).pendingCalls === 0)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await env.inject('PUT', `/__mock/channels/${russia}`, { status: 0 });
      await sending;
    });
    expect(PartialSendError.isInstance(error)).toBe(true);
    const states = (error as PartialSendError).result.recipients.map((r) => r.state);
    expect(states).toEqual(['unknown', 'unknown', 'unknown', 'failed']);
    expect(spent.compare(Decimal.parse(totalCost))).toBeLessThanOrEqual(0);
    expect(await env.inspector.allMessages({ phone: RU.slice(1) } as never)).toHaveLength(0);
  });

  it('reads prices afresh for a capped send: a price raised meanwhile is refused, not paid', async () => {
    const sms = env.transport();
    const message = { to: PH, text: 'hello' };
    const { totalCost, channels } = await sms.estimate(message); // caches the channel list
    await env.inject('PUT', `/__mock/channels/${channels[0]?.channelId}`, { price: '0.5' });
    let error: unknown;
    const spent = await spentDuring(() =>
      sms.send({ ...message, maxCost: totalCost }).catch((e: unknown) => {
        error = e;
      }),
    );
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(spent.units).toBe(0n);
    const bulk = await sendBulk(sms, PH, { text: 'hello', maxCost: totalCost });
    expect(bulk).toMatchObject({ submitted: 0, budget: 3, budgetExceeded: true });
  });

  it('never fails over a capped send whose submit may have been charged', async () => {
    const second = await mockServer();
    try {
      const first = env.transport();
      const sms = createFailoverTransport([first, second.transport()], {
        failOverOnProviderError: true,
      });
      const message = { to: PH, text: 'hello' };
      const { totalCost } = await first.estimate(message);
      await env.inspector.setFaults([
        { endpoint: 'submit', type: 'state-code', stateCode: 500, afterProcessing: true, times: 1 },
      ] as never);
      const spentSecond = await spentDuring(async () => {
        await expect(sms.send({ ...message, maxCost: totalCost })).rejects.toMatchObject({
          code: 'SUBMIT_OUTCOME_UNKNOWN',
        });
      }, second);
      expect(spentSecond.units).toBe(0n);
      // Without a cap the opt-in still moves on, as documented.
      await env.inspector.setFaults([
        { endpoint: 'submit', type: 'state-code', stateCode: 500, afterProcessing: true, times: 1 },
      ] as never);
      expect((await sms.send(message)).accepted).toHaveLength(3);
    } finally {
      await second.mock.close();
    }
  });

  it('takes only plain amounts as caps and as a token’s committed cost', async () => {
    const sms = env.transport();
    for (const maxCost of [
      '+1',
      '-0',
      '1e3',
      ' 1',
      '1 ',
      '\u00a01',
      '1'.repeat(31),
      `0.${'1'.repeat(19)}`,
      1e21,
      1e-7,
    ]) {
      const error = await sms.send({ to: PH, text: 'x', maxCost }).catch((e: unknown) => e);
      expect(ValidationError.isInstance(error), String(maxCost)).toBe(true);
      expect((error as ValidationError).field).toBe('maxCost');
    }
    for (const suffix of ['~-0', '~+0.01', '~ 0.01', '~1e999', '~0.01\n', '~']) {
      expect(() => readResumeToken(`AQ==${suffix}`), suffix).toThrow(RangeError);
      await expect(
        sendBulk(sms, PH, { text: 'x', resumeFrom: `AQ==${suffix}` }),
      ).rejects.toMatchObject({
        field: 'resumeFrom',
      });
    }
    expect(readResumeToken('AQ==~0.0484').committed.toString()).toBe('0.0484');
  });
});
