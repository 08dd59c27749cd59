/**
 * Issue #22 against the real mock server: smart encoding, `maxCost` on a send, and the
 * computed cost of every result equal to what the mock charged, to the last decimal.
 */
import { DEMO_CREDENTIALS } from '@intl-sms/mock-server';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, ValidationError } from '../errors/index.js';
import { Decimal } from '../money/decimal.js';
import { philippineNumbers, useMockServer } from '../test-support/mock-server.js';

const env = useMockServer();
const CURLY = `“Your code is 482913” — don’t share it… ${'x'.repeat(100)}`.slice(0, 140);

async function balance(): Promise<Decimal> {
  const account = await env.inspector.account(DEMO_CREDENTIALS.account);
  return Decimal.parse(String(account.balance));
}

describe('smart encoding', () => {
  it('sends the 140-character text with curly quotes and a dash as one GSM-7 segment', async () => {
    const sms = env.transport();
    const [to = ''] = philippineNumbers(1);
    const smart = await sms.send({ to: `+${to}`, text: CURLY, smartEncoding: true });
    expect(smart).toMatchObject({ encoding: 'GSM-7', segments: 1, smartEncoded: true });
    expect(smart.text).toMatch(/^"Your code is 482913" - don't share it\.\.\. x/);
    const seen = await env.inspector.message(smart.id);
    expect(seen).toMatchObject({ text: smart.text, encoding: 'GSM-7', segments: 1 });

    const plain = await sms.send({ to: `+${to}`, text: CURLY });
    expect(plain).toMatchObject({
      text: CURLY,
      encoding: 'UCS-2',
      segments: 3,
      smartEncoded: false,
    });
    expect(await env.inspector.message(plain.id)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
  });

  it('follows the transport setting unless the message says otherwise', async () => {
    const sms = env.transport({ smartEncoding: true });
    const [to = ''] = philippineNumbers(1, 5);
    expect((await sms.send({ to: `+${to}`, text: '“Hi”' })).text).toBe('"Hi"');
    const kept = await sms.send({ to: `+${to}`, text: '“Hi”', smartEncoding: false });
    expect(kept).toMatchObject({ text: '“Hi”', encoding: 'UCS-2' });
    expect(() => env.transport({ smartEncoding: 'yes' as never })).toThrow(ValidationError);
    await expect(
      sms.send({ to: `+${to}`, text: 'x', smartEncoding: 1 as never }),
    ).rejects.toMatchObject({ field: 'smartEncoding' });
  });

  it('estimates both encodings, the segments and the money saved', async () => {
    const sms = env.transport();
    const to = philippineNumbers(3, 10).map((n) => `+${n}`);
    const estimate = await sms.estimate({ to, text: CURLY });
    expect(estimate).toMatchObject({ encoding: 'UCS-2', segments: 3, text: CURLY });
    const { smartEncoding } = estimate;
    expect(smartEncoding).toMatchObject({ used: false, applicable: true, segmentsSaved: 2 });
    expect(smartEncoding.original).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(smartEncoding.smart).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smartEncoding.original.totalCost).toBe(estimate.totalCost);
    const price = Decimal.parse(estimate.channels[0]?.price ?? 'x');
    expect(smartEncoding.costSaved).toBe(price.multiply(2).multiply(3).toString());
    const used = await sms.estimate({ to, text: CURLY, smartEncoding: true });
    expect(used).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(used.smartEncoding.used).toBe(true);
    expect(used.totalCost).toBe(smartEncoding.smart.totalCost);
  });
});

describe('maxCost on a send', () => {
  it('refuses before anything leaves when the estimate is over the cap', async () => {
    const sms = env.transport();
    const to = philippineNumbers(4, 20).map((n) => `+${n}`);
    const { totalCost } = await sms.estimate({ to, text: CURLY });
    const before = await balance();
    const cap = Decimal.parse(totalCost).subtract(Decimal.parse('0.0001')).toString();
    const error = await sms.send({ to, text: CURLY, maxCost: cap }).catch((e: unknown) => e);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BUDGET_EXCEEDED', maxCost: cap, required: totalCost });
    expect(await env.inspector.allMessages()).toHaveLength(0);
    expect((await balance()).equals(before)).toBe(true);
    // At the cap exactly it goes; smart encoding brings it far under.
    const sent = await sms.send({ to, text: CURLY, maxCost: totalCost });
    expect(sent.totalCost).toBe(totalCost);
    expect((await sms.send({ to, text: CURLY, maxCost: cap, smartEncoding: true })).segments).toBe(
      1,
    );
  });

  it('refuses a cap that is not a decimal amount ≥ 0, naming maxCost', async () => {
    const sms = env.transport();
    for (const maxCost of ['-1', '1,50', 'ten', Number.NaN, {}, '']) {
      await expect(
        sms.send({ to: '+639171234567', text: 'x', maxCost: maxCost as never }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'maxCost' });
    }
  });

  it('checks the cap with an explicit channel too, reading its price', async () => {
    const sms = env.transport();
    const channel = env.enabled('63')[0];
    const [to = ''] = philippineNumbers(1, 30);
    await expect(
      sms.send({ to: `+${to}`, text: 'hello', channelId: Number(channel?.id), maxCost: '0' }),
    ).rejects.toBeInstanceOf(BudgetExceededError);
    expect(await env.inspector.allMessages()).toHaveLength(0);
  });
});

describe('what each send cost', () => {
  it('equals the balance movement, to the last decimal, batch by batch', async () => {
    const sms = env.transport({ maxPhonesPerSubmit: 3 });
    const to = [...philippineNumbers(7, 40).map((n) => `+${n}`), '+447400123456', '+447400123457'];
    const before = await balance();
    const result = await sms.send({ to, text: 'Order shipped {ref} €5' });
    const after = await balance();
    expect(before.subtract(after).toString()).toBe(
      Decimal.parse(result.totalCost).rescale(4).toString(),
    );
    expect(result.costComplete).toBe(true);
    expect(result.batches.length).toBeGreaterThan(2);
    for (const batch of result.batches) {
      const seen = await env.inspector.message(batch.id);
      expect(Decimal.parse(seen.cost).equals(Decimal.parse(batch.cost ?? 'x'))).toBe(true);
      expect(batch.segments).toBe(seen.segments);
    }
  });
});
