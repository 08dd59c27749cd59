import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { useMockServer } from '../test-support/mock-server.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { waitForDelivery } from './wait-for-delivery.js';

const env = useMockServer({ receiptDelay: { minMs: 50, maxMs: 300 } }, { resetAfterEach: false });

describe('waitForDelivery', () => {
  it('polls until every number of every batch has a final receipt', async () => {
    const sms = env.transport();
    const result = await sms.send({
      to: ['+639171234567', '+639170000001', '+447400123456'],
      text: 'wait',
    });
    const reports: string[] = [];
    const waited = await sms.waitForDelivery(result.batches, {
      interval: 20,
      onReport: (r) => reports.push(r.id),
    });
    expect(waited.complete).toBe(true);
    expect(waited.pendingBatches).toEqual([]);
    expect(waited.reports.map((r) => [r.delivered, r.failed])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    await sms.close();
  });

  it('returns at the timeout with what is still pending', async () => {
    const sms = env.transport();
    const result = await sms.send({ to: ['+639171234567', '+639170000002'], text: 'never' });
    const started = Date.now();
    const waited = await waitForDelivery(sms, result.batches, { timeout: 600, interval: 50 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(waited).toMatchObject({
      complete: false,
      pendingBatches: [result.id],
      pendingNumbers: 1,
    });
    await sms.close();
  });

  it('knows pending numbers of batches sent by another instance when given SentBatches', async () => {
    const sender = env.transport();
    const result = await sender.send({ to: ['+639171234567'], text: 'elsewhere' });
    const reader = env.transport();
    const byId = await reader.getDeliveryReport(result.id);
    expect(byId.pending).toBeUndefined();
    const waited = await waitForDelivery(reader, result.batches, { interval: 20 });
    expect(waited.complete).toBe(true);
    await Promise.all([sender.close(), reader.close()]);
  });

  it.each([
    [{ interval: 0 }, 'interval'],
    [{ interval: -100 }, 'interval'],
    [{ maxInterval: Number.NaN }, 'maxInterval'],
    [{ timeout: '60s' }, 'timeout'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ signal: 'x' }, 'signal'],
    [{ onReport: 'log' }, 'onReport'],
  ])('refuses %j with a ValidationError naming %s, before polling', async (options, field) => {
    const fake = new FakeTransport({ autoDeliver: false });
    const result = await fake.send({ to: '+639171234567', text: 'x' });
    const error = await waitForDelivery(fake, result.batches, options as never).catch(
      (e: unknown) => e,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe(field);
  });

  it('rejects when aborted, and for no batches', async () => {
    const fake = new FakeTransport({ autoDeliver: false });
    const result = await fake.send({ to: '+639171234567', text: 'x' });
    const controller = new AbortController();
    const waiting = waitForDelivery(fake, result.batches, {
      signal: controller.signal,
      interval: 10,
    });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(waitForDelivery(fake, [])).rejects.toBeInstanceOf(ValidationError);
  });

  it('polls many batches with a shared concurrency limit', async () => {
    const fake = new FakeTransport();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await fake.send({ to: '+639171234567', text: `n${i}`, dedupe: false })).id);
    let active = 0;
    let peak = 0;
    const slow = Object.create(fake, {
      getDeliveryReport: {
        value: async (id: string) => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setImmediate(resolve));
          active--;
          return fake.getDeliveryReport(id);
        },
      },
    });
    const waited = await waitForDelivery(slow, ids, { concurrency: 3 });
    expect(waited.complete).toBe(true);
    expect(peak).toBe(3);
  });
});
