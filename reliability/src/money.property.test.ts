import { createSjroomTransport, Decimal } from '@intl-sms/core';
import { DEMO_ACCOUNT, startMockServer } from '@intl-sms/mock-server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordFigures } from './support/figures.js';

const SEED = 20261126;
const credentials = { account: DEMO_ACCOUNT.account, password: DEMO_ACCOUNT.password };

describe('money is exact', () => {
  it('the client estimate equals what the mock charges, to the last decimal, for random prices, segments and recipients', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 40 }),
        fc
          .string({
            unit: fc.constantFrom('a', '€', '你', '😀', ' '),
            minLength: 1,
            maxLength: 400,
          })
          .filter((text) => text.trim() !== ''), // a blank text is refused, not charged
        async (seed, recipients, text) => {
          runs++;
          const mock = await startMockServer({ seed, receiptDelay: 0 });
          const sms = createSjroomTransport({ ...credentials, baseUrl: mock.url });
          try {
            const to = Array.from(
              { length: recipients },
              (_, i) => `+63917${String(i * 10 + 5).padStart(7, '0')}`,
            );
            const estimate = await sms.estimate({ to, text });
            const before = await sms.getBalance();
            await sms.send({ to, text });
            const after = await sms.getBalance();
            expect(
              before.value.subtract(after.value).equals(Decimal.parse(estimate.totalCost)),
            ).toBe(true);
          } finally {
            await sms.close();
            await mock.close();
          }
        },
      ),
      { numRuns: 60, seed: SEED },
    );
    recordFigures('moneyAgreement', { randomSends: runs, seed: SEED });
  }, 120_000);

  it('500 charges on one account leave exactly the balance the client predicts', async () => {
    const mock = await startMockServer({ receiptDelay: 0 });
    const sms = createSjroomTransport({ ...credentials, baseUrl: mock.url });
    let predicted = (await sms.getBalance()).value;
    for (let i = 0; i < 500; i++) {
      const message = {
        to: ['+639171234565', '+447400123456'],
        text: `charge ${i} ${'€'.repeat(i % 90)}`,
      };
      predicted = predicted.subtract(Decimal.parse((await sms.estimate(message)).totalCost));
      await sms.send(message);
    }
    expect((await sms.getBalance()).value.equals(predicted)).toBe(true);
    await sms.close();
    await mock.close();
  }, 60_000);

  it('100,000 additions of random four-decimal prices do not drift', () => {
    const prices = fc.sample(fc.integer({ min: 1, max: 800 }), { numRuns: 100_000, seed: SEED });
    let exact = Decimal.zero(4);
    let units = 0n;
    let float = 0;
    for (const price of prices) {
      const text = `0.${String(price).padStart(4, '0')}`;
      exact = exact.add(Decimal.parse(text));
      units += BigInt(price);
      float += Number(text);
    }
    expect(exact.units).toBe(units);
    expect(exact.toString()).toBe(Decimal.fromUnits(units, 4).toString());
    const floatDrift = Math.abs(float - Number(units) / 10_000);
    recordFigures('moneyDrift', {
      additions: prices.length,
      exactSum: exact.toString(),
      floatDrift: floatDrift.toExponential(2),
    });
    expect(floatDrift).toBeGreaterThan(0);
  });
});
