import { describe, expect, it } from 'vitest';
import { BulkInterruptedError } from '../errors/bulk-interrupted-error.js';
import { PartialSendError } from '../errors/partial-send-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { philippineNumbers } from '../test-support/mock-server.js';
import { FakeTransport } from '../testing/fake-transport.js';
import type { RecipientOutcome } from '../transport/send-result.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import type { BulkSummary } from './bulk-types.js';
import { sendBulk } from './send-bulk.js';

/** The summary of a run, whether it resolved or was interrupted. */
async function summaryOf(run: Promise<BulkSummary>): Promise<BulkSummary> {
  try {
    return await run;
  } catch (error) {
    if (BulkInterruptedError.isInstance(error)) return error.summary;
    throw error;
  }
}

/** Every row read is in exactly one bucket, and nothing sent is missing from them. */
function expectBooked(summary: BulkSummary, sent: readonly string[]): void {
  const booked =
    summary.submitted +
    summary.rejected +
    summary.duplicates +
    summary.failed +
    summary.unknown +
    summary.skipped +
    summary.budget;
  expect(booked).toBe(summary.read);
  expect(summary.submitted).toBe(sent.length);
}

describe('sendBulk at its edges (found by the hostile review of the bulk rewrite)', () => {
  it('books the item an abort took from the loop: an abort a few turns after a send settles loses no row', async () => {
    const phones = philippineNumbers(30).map((phone) => `+${phone}`);
    for (const chunkSize of [1, 2, 3])
      for (const concurrency of [1, 2])
        for (let turns = 0; turns <= 40; turns++) {
          const fake = new FakeTransport();
          const abort = new AbortController();
          let pulled = 0;
          let calls = 0;
          const summary = await summaryOf(
            sendBulk(
              fake,
              (function* () {
                for (const phone of phones) {
                  pulled++;
                  yield phone;
                }
              })(),
              {
                text: 'window',
                chunkSize,
                maxBuffered: chunkSize,
                concurrency,
                signal: abort.signal,
                onProgress: async () => {
                  if (++calls !== 2) return;
                  for (let turn = 0; turn < turns; turn++) await null;
                  abort.abort(new Error('stop'));
                },
              },
            ),
          );
          expectBooked(summary, fake.sentPhones);
          // At most the one row whose pull was answered after the stop goes unread.
          expect(pulled - summary.read, `chunkSize ${chunkSize}, turns ${turns}`).toBeLessThan(2);
        }
  });

  it('ends with a source error, not a loop, when the iterator answers something that is not an object', async () => {
    for (const answer of [42, 'x', undefined]) {
      let rows = 0;
      const source = {
        [Symbol.asyncIterator]: () => ({
          next: async () => (++rows <= 3 ? { done: false, value: '+639171234565' } : answer),
        }),
      };
      const error = await sendBulk(new FakeTransport(), source as AsyncIterable<string>, {
        text: 'x',
      }).catch((caught: unknown) => caught);
      expect(BulkInterruptedError.isInstance(error)).toBe(true);
      expect((error as BulkInterruptedError).interruption).toBe('source-error');
      expect((error as BulkInterruptedError).summary.read).toBe(3);
    }
  });

  it("books a chunk unknown, never sent again, when a transport's outcomes do not line up with its numbers", async () => {
    const phones = philippineNumbers(6).map((phone) => `+${phone}`);
    const changes: ((outcomes: unknown[]) => unknown[])[] = [
      (outcomes) => outcomes.slice(1),
      (outcomes) => [...outcomes, outcomes[0]],
      (outcomes) => [null, ...outcomes.slice(1)],
    ];
    for (const change of changes) {
      const fake = new FakeTransport();
      const broken: SmsTransport = Object.create(fake);
      broken.send = async (message, options) => {
        const result = await fake.send(message, options);
        return {
          ...result,
          recipients: change([...result.recipients]) as typeof result.recipients,
        };
      };
      const summary = await sendBulk(broken, phones, { text: 'x', chunkSize: 3 });
      expectBooked(summary, []);
      expect(summary.unknown).toBe(6);
      expect(summary.submitted).toBe(0);
      expect(summary.unknownRecipients.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5]);
      // Unknown is never resent: a resume has nothing left to send.
      const resumed = await sendBulk(fake, phones, { text: 'x', resumeFrom: summary });
      expect(resumed.submitted).toBe(0);
    }
  });

  it('books a chunk once, as unknown, when reading the transport’s result throws halfway', async () => {
    const phones = philippineNumbers(6).map((phone) => `+${phone}`);
    const throwing = {
      get reason(): string {
        throw new Error('odd getter');
      },
    };
    const breakages: ((fake: FakeTransport) => SmsTransport['send'])[] = [
      // The second outcome of each chunk cannot be read.
      (fake) => async (message, options) => {
        const result = await fake.send(message, options);
        const recipients = result.recipients.map((outcome, i): RecipientOutcome => {
          if (i !== 1) return outcome;
          const failed = { ...outcome, state: 'failed' as const };
          return Object.defineProperties(failed, Object.getOwnPropertyDescriptors(throwing));
        });
        return { ...result, recipients };
      },
      // A partial failure whose result cannot be read.
      (fake) => async (message, options) => {
        await fake.send(message, options);
        const error = new PartialSendError({ recipients: [], batches: [] } as never, []);
        Object.defineProperty(error, 'result', {
          get() {
            throw new Error('odd result');
          },
        });
        throw error;
      },
    ];
    for (const breakage of breakages) {
      const fake = new FakeTransport();
      const broken: SmsTransport = Object.create(fake);
      broken.send = breakage(fake);
      const summary = await sendBulk(broken, phones, { text: 'x', chunkSize: 3 });
      expectBooked(summary, []);
      expect(summary.unknownRecipients.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(summary.read).toBe(6);
    }
  });

  it('refuses a text or a validation it cannot use before reading a row, naming the option', async () => {
    const bad = [{ text: null }, { text: '  ' }, { text: 5 }, { validation: 'bogus' }];
    for (const options of bad) {
      const error = await sendBulk(new FakeTransport(), ['+639171234565'], options as never).catch(
        (caught: unknown) => caught,
      );
      expect(ValidationError.isInstance(error), JSON.stringify(options)).toBe(true);
      expect((error as ValidationError).field).toBe(Object.keys(options)[0]);
    }
  });
});
