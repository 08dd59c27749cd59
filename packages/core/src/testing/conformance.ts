import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForDelivery } from '../delivery/wait-for-delivery.js';
import { SmsError } from '../errors/sms-error.js';
import type { SmsTransport } from '../transport/sms-transport.js';

/** What {@link testSmsTransport} needs to exercise a transport. */
export interface ConformanceSubject {
  readonly transport: SmsTransport;
  /** A number the transport can deliver to (default `+639171234567`, which needs a +63 channel). */
  readonly deliverableNumber?: string;
  /** A second deliverable number in another country with a channel (default `+447400123456`). */
  readonly otherCountryNumber?: string;
  /** Stops whatever `create` started (a mock server, say), after `transport.close()`. */
  readonly cleanup?: () => Promise<void>;
}

/** Options of {@link testSmsTransport}. */
export interface ConformanceOptions {
  /** Names the suite, e.g. `sjroom against the mock server`. */
  readonly name: string;
  /** Creates a fresh transport (and whatever it needs) for the suite. */
  readonly create: () => Promise<ConformanceSubject> | ConformanceSubject;
  /** Longest wait for delivery receipts, in milliseconds (default 10 000). */
  readonly deliveryTimeout?: number;
}

/**
 * The behaviour every `SmsTransport` must have, as a vitest suite: call it at the top
 * level of a test file. The sjroom transport (against the mock server) and
 * `FakeTransport` both pass it; so must any transport an application writes.
 */
export function testSmsTransport(options: ConformanceOptions): void {
  describe(`SmsTransport conformance: ${options.name}`, () => {
    let subject: ConformanceSubject;
    let transport: SmsTransport;
    const deliverable = () => subject.deliverableNumber ?? '+639171234567';
    const other = () => subject.otherCountryNumber ?? '+447400123456';

    beforeAll(async () => {
      subject = await options.create();
      transport = subject.transport;
    });
    afterAll(async () => {
      await transport.close();
      await subject.cleanup?.();
    });

    it('declares the v1 contract and a provider name', () => {
      expect(transport.specificationVersion).toBe('v1');
      expect(typeof transport.provider).toBe('string');
      expect(transport.provider.length).toBeGreaterThan(0);
    });

    it('lists channels with every field, some enabled', async () => {
      const channels = await transport.listChannels();
      expect(channels.length).toBeGreaterThan(0);
      for (const channel of channels) {
        expect(['number', 'string']).toContain(typeof channel.id);
        expect(channel.countryCode).toMatch(/^(\d{1,4}|[A-Z]{2})$/);
        expect(channel.price).toMatch(/^\d+(\.\d+)?$/);
        expect(typeof channel.enabled).toBe('boolean');
      }
      expect(channels.some((channel) => channel.enabled)).toBe(true);
    });

    it('reports the balance as an exact decimal', async () => {
      const balance = await transport.getBalance();
      expect(balance.amount).toMatch(/^-?\d+(\.\d+)?$/);
      expect(balance.value.toString()).toBe(balance.amount);
    });

    it('sends, charges, and reports delivery until complete', async () => {
      const before = await transport.getBalance();
      const result = await transport.send({
        to: [deliverable(), other()],
        text: 'conformance check',
      });
      expect(result.id).toBe(result.batches[0]?.id);
      expect(result.batches.length).toBe(2);
      expect([...result.accepted].sort()).toEqual(
        [deliverable(), other()].map((n) => n.replace(/\D/g, '')).sort(),
      );
      expect(result.recipients.map((r) => r.state)).toEqual(['accepted', 'accepted']);
      const waited = await waitForDelivery(transport, result.batches, {
        timeout: options.deliveryTimeout ?? 10_000,
        interval: 50,
      });
      expect(waited.complete).toBe(true);
      expect(waited.reports.reduce((sum, report) => sum + report.delivered, 0)).toBe(2);
      const after = await transport.getBalance();
      expect(after.value.compare(before.value)).toBe(-1);
    });

    it('sends a repeated number once and reports the repeat', async () => {
      const result = await transport.send({
        to: [deliverable(), ` ${deliverable()} `],
        text: 'once',
      });
      expect(result.accepted).toHaveLength(1);
      expect(result.duplicates).toEqual([expect.objectContaining({ index: 1 })]);
    });

    it('refuses bad input with a ValidationError naming the field, sending nothing', async () => {
      const cases = [
        [{ to: deliverable(), text: '' }, 'text'],
        [{ to: [], text: 'x' }, 'to'],
        [{ to: ['+63 12'], text: 'x' }, 'to[0]'],
      ] as const;
      for (const [message, field] of cases) {
        const error = await transport.send(message).catch((e: unknown) => e);
        expect(SmsError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field });
      }
    });

    it('skips invalid numbers with onInvalid: skip and lists them', async () => {
      const result = await transport.send({
        to: ['not a number', deliverable()],
        text: 'skip',
        onInvalid: 'skip',
      });
      expect(result.accepted).toHaveLength(1);
      expect(result.rejected).toEqual([
        expect.objectContaining({ index: 0, input: 'not a number' }),
      ]);
    });

    it('answers an unknown batch with BATCH_NOT_FOUND', async () => {
      await expect(transport.getDeliveryReport('no-such-batch-0')).rejects.toMatchObject({
        code: 'BATCH_NOT_FOUND',
      });
    });
  });
}
