import { describe, expect, it } from 'vitest';
import { BulkInterruptedError } from '../errors/bulk-interrupted-error.js';
import { philippineNumbers, useMockServer } from '../test-support/mock-server.js';
import type { BulkSummary } from './bulk-types.js';
import { readResumeToken } from './resume-token.js';
import { sendBulk } from './send-bulk.js';

const env = useMockServer();

/** The wire numbers the mock has received, with how many times each. */
async function receivedCounts(): Promise<Map<string, number>> {
  await env.inspector.settled();
  return env.inspector.receivedCounts();
}

describe('sendBulk beforeSubmit: a write-ahead checkpoint before each submit', () => {
  it('covers, in every checkpoint, each number the mock has or may get: sent, in flight or about to leave', async () => {
    const sms = env.transport();
    const phones = philippineNumbers(120);
    // Submits take a while, so checkpoints are taken with others in flight.
    await env.inspector.setFaults([{ type: 'latency', endpoint: 'submit', delayMs: 40 }]);
    const checkpoints: BulkSummary[] = [];
    const summary = await sendBulk(
      sms,
      phones.map((p) => `+${p}`),
      {
        text: 'write ahead',
        chunkSize: 10,
        concurrency: 3,
        beforeSubmit: async (checkpoint) => {
          const received = await env.inspector.receivedCounts();
          const token = readResumeToken(checkpoint.resumeToken).done;
          phones.forEach((phone, i) => {
            if (received.has(phone))
              expect(token.has(i), `row ${i} sent, not in the token`).toBe(true);
          });
          checkpoints.push(checkpoint);
        },
      },
    );
    expect(checkpoints).toHaveLength(12);
    for (const [n, checkpoint] of checkpoints.entries()) {
      const { submitted, rejected, duplicates, failed, unknown, skipped, read } = checkpoint;
      expect(submitted + rejected + duplicates + failed + unknown + skipped).toBe(read);
      expect(checkpoint.aborted).toBe(false);
      // The chunk about to leave is in flight in its own checkpoint.
      const inFlight = checkpoint.unknownRecipients.filter((u) => u.code === 'IN_FLIGHT');
      expect(inFlight.map((u) => u.index)).toEqual(expect.arrayContaining([n * 10, n * 10 + 9]));
    }
    expect(summary.submitted).toBe(120);
    await sms.close();
  });

  it('a run killed after any checkpoint resumes from it without sending a number twice', async () => {
    const sms = env.transport();
    const phones = philippineNumbers(100);
    const source = phones.map((p) => `+${p}`);
    await env.inspector.setFaults([{ type: 'latency', endpoint: 'submit', delayMs: 30 }]);
    let saved: BulkSummary | undefined;
    // The process "dies" right after saving its 5th checkpoint: it never goes on, while
    // the submits it had in flight still reach the provider.
    void sendBulk(sms, source, {
      text: 'killed',
      chunkSize: 10,
      concurrency: 2,
      beforeSubmit: (checkpoint) => {
        saved = checkpoint;
        if (checkpoint.unknownRecipients.some((u) => u.index === 40))
          return new Promise<never>(() => {});
        return undefined;
      },
    });
    await expect.poll(() => saved?.unknownRecipients.some((u) => u.index === 40)).toBe(true);
    await env.inspector.setFaults([]);
    const killedAt = saved as BulkSummary;
    expect(killedAt.unknownRecipients.find((u) => u.index === 40)).toMatchObject({
      code: 'IN_FLIGHT',
    });
    const resumed = await sendBulk(sms, source, {
      text: 'killed',
      chunkSize: 10,
      resumeFrom: killedAt,
    });
    const counts = await receivedCounts();
    expect([...counts.values()].every((times) => times === 1)).toBe(true);
    // Everything the dead run sent or had in flight is skipped, never resent.
    expect(resumed.skipped).toBe(killedAt.submitted + killedAt.unknown);
    expect(resumed.submitted).toBe(100 - resumed.skipped);
    // The chunk that was about to leave when the run died never did: booked unknown, not lost.
    for (let i = 40; i < 50; i++) expect(counts.has(phones[i] as string)).toBe(false);
    await sms.close();
  });

  it('stops the run when beforeSubmit throws: that chunk is failed (never submitted), the rest safe to resend', async () => {
    const sms = env.transport();
    const phones = philippineNumbers(30).map((p) => `+${p}`);
    let calls = 0;
    const error = await sendBulk(sms, phones, {
      text: 'disk full',
      chunkSize: 10,
      concurrency: 1,
      beforeSubmit: () => {
        calls++;
        if (calls === 2) throw new Error('ENOSPC: no space left on device');
      },
    }).catch((e: unknown) => e);
    expect(BulkInterruptedError.isInstance(error)).toBe(true);
    const { summary, interruption, cause } = error as BulkInterruptedError;
    expect(interruption).toBe('callback-error');
    expect((cause as Error).message).toContain('ENOSPC');
    expect(summary.submitted).toBe(10);
    // Reading stopped there: the second chunk is failed, the third was never read.
    expect(summary.read).toBe(20);
    expect(summary.failedRecipients.map((f) => f.index)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 10),
    );
    expect((await receivedCounts()).size).toBe(10);
    const resumed = await sendBulk(sms, phones, { text: 'disk full', resumeFrom: summary });
    expect(resumed).toMatchObject({ skipped: 10, submitted: 20 });
    expect([...(await receivedCounts()).values()].every((times) => times === 1)).toBe(true);
    await sms.close();
  });

  it('covers the earlier run in the checkpoints of a resumed run, and books chunks still filling as not submitted', async () => {
    const sms = env.transport();
    const uk = '+447400123456';
    const phones = philippineNumbers(25).map((p) => `+${p}`);
    const first = await sendBulk(sms, phones.slice(0, 10), { text: 'again', chunkSize: 10 });
    const checkpoints: BulkSummary[] = [];
    await sendBulk(sms, [...phones, uk], {
      text: 'again',
      chunkSize: 10,
      resumeFrom: first,
      beforeSubmit: (checkpoint) => {
        checkpoints.push(checkpoint);
      },
    });
    const [firstCheckpoint, lastPhilippine] = checkpoints;
    const token = readResumeToken(firstCheckpoint?.resumeToken ?? '').done;
    for (let i = 0; i < 20; i++) expect(token.has(i)).toBe(true);
    // When the source ends, the UK number waits in its own chunk while the last Philippine one leaves.
    expect(lastPhilippine?.failedRecipients).toEqual([
      expect.objectContaining({ index: 25, code: 'NOT_SUBMITTED' }),
    ]);
    expect(lastPhilippine?.read).toBe(26);
    expect(readResumeToken(lastPhilippine?.resumeToken ?? '').done.has(25)).toBe(false);
    await sms.close();
  });
});
