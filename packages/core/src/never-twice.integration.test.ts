/**
 * Named regressions for the double-send and lost-recipient paths found by a hostile review
 * (issue "Never twice, never lost"), each against the real mock server. The general
 * property lives in `reliability/src/send-path.property.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { sendBulk } from './bulk/send-bulk.js';
import { waitForDelivery } from './delivery/wait-for-delivery.js';
import {
  BulkInterruptedError,
  PartialSendError,
  SubmitOutcomeUnknownError,
} from './errors/index.js';
import { createFailoverTransport } from './failover/create-failover-transport.js';
import { philippineNumbers, useMockServer } from './test-support/mock-server.js';
import { FakeTransport } from './testing/fake-transport.js';

const env = useMockServer();

const faults = (rules: object[]) => env.inject('PUT', '/__mock/faults', rules);
const phonesReceived = async () => (await env.received()).map((r) => r.phone).sort();

/** Fills the transport's route cache (an estimate reads the channels as a send does). */
async function warmRoutes(sms: {
  estimate(message: { to: string; text: string }): Promise<unknown>;
}) {
  await sms.estimate({ to: '+447400123456', text: 'warm' });
}

/** Takes the account's channels for a country away, so the cached list goes stale. */
async function closeCountry(countryCode: string) {
  const keep = env.mock.state.channels
    .filter((c) => c.countryCode !== countryCode)
    .map((c) => c.id);
  await env.inject('PUT', '/__mock/accounts/demo', { channels: keep });
}

describe('1. re-route after a refused channel never sends a number twice', () => {
  it('sends a number given in two spellings once when the first submit is refused (403)', async () => {
    const sms = env.transport();
    await faults([{ type: 'state-code', stateCode: '403', endpoint: 'submit', times: 1 }]);
    const result = await sms.send({
      to: ['+639181234567', '+63 918 123 4567'],
      text: 'reroute',
    });
    expect(await phonesReceived()).toEqual(['639181234567']);
    expect(result.recipients.map((r) => r.state)).toEqual(['accepted', 'duplicate']);
    expect(result.accepted).toEqual(['639181234567']);
    await sms.close();
  });
});

describe('2. a failing re-route never drops an accepted batch', () => {
  it('ends in PartialSendError with the accepted batch when the re-route cannot list channels', async () => {
    const sms = env.transport();
    await warmRoutes(sms);
    await closeCountry('44');
    await faults([{ type: 'http-status', status: 503, endpoint: 'list' }]);
    const error = await sms
      .send({ to: ['+639171234567', '+447400123456'], text: 'two countries' })
      .catch((e: unknown) => e);
    expect(PartialSendError.isInstance(error)).toBe(true);
    const { result, failures } = error as PartialSendError;
    expect(result.accepted).toEqual(['639171234567']);
    expect(failures.map((f) => f.error.code)).toEqual(['CHANNEL_UNAVAILABLE']);
    expect(error).toMatchObject({ retryable: false });
    expect(await phonesReceived()).toEqual(['639171234567']);
    await sms.close();
  });

  it('never lets a failover resend the accepted country', async () => {
    const primary = env.transport();
    await warmRoutes(primary);
    await closeCountry('44');
    await faults([{ type: 'state-code', stateCode: '429', endpoint: 'list' }]);
    const backup = new FakeTransport();
    const sms = createFailoverTransport([primary, backup]);
    await expect(
      sms.send({ to: ['+639171234567', '+447400123456'], text: 'failover' }),
    ).rejects.toSatisfy((e) => PartialSendError.isInstance(e));
    expect(backup.submits).toEqual([]);
    await sms.close();
  });

  it('books the accepted country as accepted in sendBulk', async () => {
    const sms = env.transport();
    await warmRoutes(sms);
    await closeCountry('44');
    await faults([{ type: 'http-status', status: 503, endpoint: 'list' }]);
    const summary = await sendBulk(sms, ['+639171234567', '+447400123456'], {
      text: 'bulk',
      concurrency: 1,
    });
    expect(summary.submitted).toBe(1);
    expect(summary.failedRecipients.map((f) => f.input)).toEqual(['+447400123456']);
    await sms.close();
  });
});

describe('3. resume never resends a repeated number', () => {
  it('skips a repeat of a number the first run sent', async () => {
    const sms = env.transport();
    const [x = '', y = ''] = philippineNumbers(2).map((p) => `+${p}`);
    const source = [x, y, `${x.slice(0, 3)} ${x.slice(3)}`];
    const first = await sendBulk(sms, source, { text: 'resume', chunkSize: 1 });
    expect(first).toMatchObject({ submitted: 2, duplicates: 1 });
    const second = await sendBulk(sms, source, { text: 'resume', resumeFrom: first });
    expect(second).toMatchObject({ skipped: 3, submitted: 0 });
    expect(await phonesReceived()).toEqual([x, y].map((p) => p.slice(1)).sort());
    await sms.close();
  });

  it('recognises a repeat of a number sent by an interrupted earlier run', async () => {
    const sms = env.transport();
    const [x = '', y = ''] = philippineNumbers(2).map((p) => `+${p}`);
    const source = [x, y, x];
    const controller = new AbortController();
    const first = await sendBulk(sms, source, {
      text: 'resume',
      chunkSize: 1,
      concurrency: 1,
      signal: controller.signal,
      onBatch: () => controller.abort(),
    }).catch((e: unknown) => (e as BulkInterruptedError).summary);
    expect(first.submitted).toBe(1);
    const second = await sendBulk(sms, source, { text: 'resume', resumeFrom: first });
    expect(second).toMatchObject({ skipped: 1, submitted: 1, duplicates: 1 });
    expect(await phonesReceived()).toEqual([x, y].map((p) => p.slice(1)).sort());
    await sms.close();
  });
});

describe('4. a source or callback that throws never loses the books', () => {
  it('rejects with the partial summary and a working resume token when the source throws', async () => {
    const sms = env.transport();
    const phones = philippineNumbers(30).map((p) => `+${p}`);
    async function* failingAt(k: number) {
      for (const [i, phone] of phones.entries()) {
        if (i === k) throw new Error('CSV parse error at row 22');
        yield phone;
      }
    }
    const error = await sendBulk(sms, failingAt(22), { text: 'csv', chunkSize: 5 }).catch(
      (e: unknown) => e,
    );
    expect(BulkInterruptedError.isInstance(error)).toBe(true);
    const { summary, interruption, cause } = error as BulkInterruptedError;
    expect(interruption).toBe('source-error');
    expect((cause as Error).message).toBe('CSV parse error at row 22');
    expect(summary.read).toBe(22);
    expect(summary.submitted + summary.failed).toBe(22);
    const again = await sendBulk(sms, phones, { text: 'csv', resumeFrom: summary });
    expect(again.submitted + again.skipped).toBe(30);
    expect(await phonesReceived()).toEqual(phones.map((p) => p.slice(1)).sort());
    await sms.close();
  });

  it.each([
    ['onBatch', 'onBatch'],
    ['onProgress', 'onProgress'],
  ] as const)('keeps accepted numbers accepted when %s throws, and stops', async (_, callback) => {
    const sms = env.transport();
    const phones = philippineNumbers(40).map((p) => `+${p}`);
    const error = await sendBulk(sms, phones, {
      text: 'callback',
      chunkSize: 10,
      concurrency: 1,
      [callback]: () => {
        throw new Error('database down');
      },
    }).catch((e: unknown) => e);
    const { summary, interruption } = error as BulkInterruptedError;
    expect(interruption).toBe('callback-error');
    const received = await phonesReceived();
    expect(summary.submitted).toBe(received.length);
    expect(summary.submitted).toBeGreaterThan(0);
    expect(summary.failedRecipients.every((f) => f.code === 'INTERRUPTED')).toBe(true);
    const again = await sendBulk(sms, phones, { text: 'callback', resumeFrom: summary });
    expect(again.submitted + again.skipped).toBe(40);
    expect(await phonesReceived()).toEqual(phones.map((p) => p.slice(1)).sort());
    await sms.close();
  });

  it('books every recipient read when a callback throws while the last chunks go out', async () => {
    // Found by the property: the chunks left when the source ended were taken out all at
    // once, so a stop after the first of them lost the others from the books.
    const sms = env.transport();
    const texts = ['first', 'second', 'third', 'first'].map((text) => ({
      to: '+12025550010',
      text,
    }));
    const error = await sendBulk(sms, texts, {
      chunkSize: 2,
      concurrency: 1,
      onProgress: () => {
        throw new Error('progress bar crashed');
      },
    }).catch((e: unknown) => e);
    const { summary } = error as BulkInterruptedError;
    expect(summary.read).toBe(4);
    expect([summary.submitted, summary.duplicates, summary.failed]).toEqual([1, 1, 2]);
    const again = await sendBulk(sms, texts, { resumeFrom: summary });
    expect([again.submitted, again.skipped]).toEqual([2, 2]);
    await sms.close();
  });
});

describe('5. hooks and loggers that throw never change an outcome', () => {
  it('keeps an accepted submit accepted when onResponse and logger.debug throw', async () => {
    const boom = () => {
      throw new Error('hook bug');
    };
    const primary = env.transport({ onResponse: boom, logger: { warn: boom, debug: boom } });
    const backup = new FakeTransport();
    const sms = createFailoverTransport([primary, backup]);
    const result = await sms.send({ to: '+639171234567', text: 'hooks' });
    expect(result.accepted).toEqual(['639171234567']);
    expect(backup.submits).toEqual([]);
    expect(await phonesReceived()).toEqual(['639171234567']);
    await sms.close();
  });

  it('still reports an unknown outcome when onError and onRetry throw', async () => {
    const boom = () => {
      throw new Error('hook bug');
    };
    await faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const backup = new FakeTransport();
    const sms = createFailoverTransport([
      env.transport({ onError: boom, onRetry: boom, onRequest: boom }),
      backup,
    ]);
    await expect(sms.send({ to: '+639171234567', text: 'hooks' })).rejects.toSatisfy((e) =>
      SubmitOutcomeUnknownError.isInstance(e),
    );
    expect(backup.submits).toEqual([]);
    await sms.close();
  });
});

describe('7. a provider 500 on submit is an unknown outcome', () => {
  it('is never retried nor failed over, unless failover is told it may', async () => {
    await faults([{ type: 'state-code', stateCode: '500', endpoint: 'submit', times: 2 }]);
    const backup = new FakeTransport();
    const strict = createFailoverTransport([env.transport(), backup]);
    const error = await strict.send({ to: '+639171234567', text: '500' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SUBMIT_OUTCOME_UNKNOWN', evidence: 'provider-error' });
    expect(backup.submits).toEqual([]);
    const lenient = createFailoverTransport([env.transport(), backup], {
      failOverOnProviderError: true,
    });
    await lenient.send({ to: '+639171234567', text: '500' });
    expect(backup.sentPhones).toEqual(['639171234567']);
    await strict.close();
    await lenient.close();
  });
});

describe('found by the hostile review', () => {
  it('treats a bare HTTP 429 to a submit as an unknown outcome, never retrying it', async () => {
    const sms = env.transport();
    await faults([
      { type: 'http-status', status: 429, afterProcessing: true, endpoint: 'submit', times: 1 },
    ]);
    const error = await sms.send({ to: '+639171234567', text: '429' }).catch((e: unknown) => e);
    expect(SubmitOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(await phonesReceived()).toEqual(['639171234567']);
    await faults([{ type: 'state-code', stateCode: '429', endpoint: 'submit', times: 1 }]);
    await sms.send({ to: '+639171234568', text: '429' }); // a 429 envelope: refused, retried
    await sms.close();
  });

  it('books a source value that is not a number as rejected and goes on', async () => {
    const sms = env.transport();
    const summary = await sendBulk(
      sms,
      [
        '+639171234567',
        { to: Object.create(null), text: 'hi' },
        null,
        42,
        '+639171234568',
      ] as never,
      { text: 'garbage' },
    );
    expect(summary).toMatchObject({ read: 5, submitted: 2, rejected: 3 });
    expect(summary.rejectedRecipients.map((r) => r.input)).toEqual(['[object]', 'null', '42']);
    await sms.close();
  });

  it('stops with the books when an onBatch promise rejects late', async () => {
    const sms = env.transport();
    const error = await sendBulk(sms, ['+639171234567', '+447400123456'], {
      text: 'late',
      onBatch: () =>
        new Promise((_, reject) => setTimeout(() => reject(new Error('db write failed')), 30)),
    }).catch((e: unknown) => e);
    expect(BulkInterruptedError.isInstance(error)).toBe(true);
    expect((error as BulkInterruptedError).interruption).toBe('callback-error');
    expect((error as BulkInterruptedError).summary.submitted).toBe(2);
    await sms.close();
  });

  it('tells apart two transports that issued the same batch number, by its recipients', async () => {
    const a = new FakeTransport();
    const b = new FakeTransport();
    const sms = createFailoverTransport([a, b], { strategy: 'round-robin' });
    const first = await sms.send({ to: '+639171234567', text: 'a' });
    const second = await sms.send({ to: '+639179876543', text: 'b' });
    expect(second.id).toBe(first.id); // each fake numbers its batches from fake-1
    const report = await sms.getDeliveryReport(second.id, { recipients: second.accepted });
    expect(report.recipients.map((r) => r.phone)).toEqual(['639179876543']);
    const ambiguous = await sms.getDeliveryReport(first.id).catch((e: unknown) => e);
    expect(ambiguous).toMatchObject({ code: 'VALIDATION_FAILED', field: 'recipients' });
    const waited = await waitForDelivery(sms, first.batches, { timeout: 2_000 });
    expect(waited.reports[0]?.recipients.map((r) => r.phone)).toEqual(['639171234567']);
    await sms.close();
  });
});
