import { describe, expect, it } from 'vitest';
import { NetworkError, SubmitOutcomeUnknownError } from '../errors/index.js';
import { FakeTransport } from './fake-transport.js';

describe('FakeTransport', () => {
  it('records submits and charges price × segments × recipients exactly', async () => {
    const fake = new FakeTransport({ balance: '1.0000' });
    await fake.send({ to: ['+639171234567', '+639181234567'], text: 'x'.repeat(161) });
    expect(fake.submits).toEqual([
      expect.objectContaining({
        channelId: 2,
        phones: ['639171234567', '639181234567'],
        segments: 2,
        cost: '0.1000',
      }),
    ]);
    expect((await fake.getBalance()).amount).toBe('0.9000');
  });

  it('fails the next submits on demand, then recovers', async () => {
    const fake = new FakeTransport();
    fake.failNext(new SubmitOutcomeUnknownError(['639171234567'], 2, 'simulated'), 1);
    await expect(fake.send({ to: '+639171234567', text: 'a' })).rejects.toBeInstanceOf(
      SubmitOutcomeUnknownError,
    );
    await expect(fake.send({ to: '+639171234567', text: 'b' })).resolves.toMatchObject({
      accepted: ['639171234567'],
    });
    fake.failNext(new NetworkError('submit', false, 'refused'));
    await expect(fake.send({ to: '+639171234567', text: 'c' })).rejects.toBeInstanceOf(
      NetworkError,
    );
  });

  it('holds receipts until deliver() when autoDeliver is off, with magic endings', async () => {
    const fake = new FakeTransport({ autoDeliver: false });
    const { id } = await fake.send({
      to: ['+639171234567', '+639170000001', '+639170000002'],
      text: 'x',
    });
    expect(await fake.getDeliveryReport(id)).toMatchObject({ pending: 3, complete: false });
    fake.deliver(id);
    expect(await fake.getDeliveryReport(id)).toMatchObject({
      delivered: 1,
      failed: 1,
      pending: 1,
      complete: false,
    });
  });

  it('estimates like the real transport', async () => {
    const fake = new FakeTransport();
    const estimate = await fake.estimate({
      to: ['+639171234567', '+447400123456'],
      text: '€'.repeat(81),
    });
    expect(estimate).toMatchObject({ encoding: 'GSM-7', segments: 2, totalCost: '0.1300' });
  });

  it('has what the transport docs promise: estimate, sendBulk and waitForDelivery', async () => {
    const fake = new FakeTransport();
    const estimate = await fake.estimate({ to: ['+639171234567'], text: 'hi' });
    expect(estimate).toMatchObject({ recipients: 1, segments: 1, complete: true });
    const summary = await fake.sendBulk(['+639171234567', '+63 917 123 4567', '+447400123456'], {
      text: 'bulk',
    });
    expect(summary).toMatchObject({ submitted: 2, duplicates: 1 });
    const { complete } = await fake.waitForDelivery(fake.submits.map((s) => s.id));
    expect(complete).toBe(true);
  });
});
