import {
  BulkInterruptedError,
  type BulkOptions,
  type BulkRecipient,
  type BulkSummary,
  type SmsTransport,
  sendBulk,
} from '@intl-sms/core';
import { BookKeeper, type Books } from '../books.js';
import type { Scenario } from '../scenario.js';

/** Most runs of one resume chain; each run retries what the last one left failed. */
const MAX_RUNS = 6;

/**
 * `sendBulk` over the drawn recipients, resumed from its own summary until it finishes
 * with nothing failed (or after six runs). The first run meets the drawn interruptions: a
 * source that throws at a row, an abort at a progress call, callbacks that throw.
 */
export async function bulkWithResumes(sms: SmsTransport, scenario: Scenario): Promise<Books> {
  const size = scenario.recipients.length;
  const final = new BookKeeper(size);
  let resumeFrom: BulkSummary | undefined;
  try {
    for (let run = 1; run <= MAX_RUNS; run++) {
      const first = run === 1;
      const controller = new AbortController();
      const options = runOptions(scenario, first, controller, resumeFrom);
      let summary: BulkSummary;
      let interrupted = false;
      try {
        summary = await sendBulk(sms, source(scenario, first), options);
      } catch (error) {
        if (!BulkInterruptedError.isInstance(error)) throw error;
        summary = error.summary;
        interrupted = true;
      }
      const runBooks = bookRun(summary, resumeFrom, size);
      runBooks.buckets.forEach((bucket, index) => {
        if (bucket !== undefined) final.buckets[index] = bucket;
      });
      final.problems.push(...runBooks.problems.map((p) => `run ${run}: ${p}`));
      resumeFrom = summary;
      if (!interrupted && summary.failed === 0) break;
    }
  } finally {
    await sms.close();
  }
  return final.books();
}

function runOptions(
  scenario: Scenario,
  first: boolean,
  controller: AbortController,
  resumeFrom: BulkSummary | undefined,
): BulkOptions {
  const { bulk } = scenario;
  let progressCalls = 0;
  let batches = 0;
  return {
    text: scenario.text,
    chunkSize: bulk.chunkSize,
    concurrency: bulk.concurrency,
    signal: controller.signal,
    ...(resumeFrom ? { resumeFrom } : {}),
    onProgress: () => {
      progressCalls++;
      if (!first) return;
      if (bulk.onProgressThrows) throw new Error('progress bar crashed');
      if (progressCalls === bulk.abortAtProgress) controller.abort();
    },
    onBatch: () => {
      batches++;
      if (first && batches === bulk.onBatchThrowsAt) throw new Error('database down');
    },
  };
}

/** The drawn recipients as a source; in the first run it throws at the drawn row. */
async function* source(scenario: Scenario, first: boolean): AsyncGenerator<BulkRecipient> {
  for (const [index, recipient] of scenario.recipients.entries()) {
    if (first && index === scenario.bulk.sourceThrowsAt) throw new Error('CSV parse error');
    yield recipient.text === undefined
      ? recipient.input
      : { to: recipient.input, text: recipient.text };
  }
}

/** Decodes a resume token: bit i of byte i >> 3 (low bit first) marks index i done. */
function doneIndexes(token: string | undefined): (index: number) => boolean {
  if (token === undefined) return () => false;
  // A token may end with `~<committed cost>`: the bits are before it.
  const bytes = Buffer.from(token.split('~')[0] ?? '', 'base64');
  return (index) => (((bytes[index >> 3] ?? 0) >> (index & 7)) & 1) === 1;
}

/** One run's books: every index it read and did not skip, in the bucket its summary gives. */
export function bookRun(
  summary: BulkSummary,
  previous: BulkSummary | undefined,
  size: number,
): BookKeeper {
  const keeper = new BookKeeper(size);
  const skipped = doneIndexes(previous?.resumeToken);
  for (const r of summary.rejectedRecipients) keeper.book(r.index, 'rejected');
  for (const d of summary.duplicateRecipients) keeper.book(d.index, 'duplicate');
  for (const f of summary.failedRecipients) keeper.book(f.index, 'failed');
  for (const u of summary.unknownRecipients) keeper.book(u.index, 'unknown');
  let accepted = 0;
  for (let index = 0; index < summary.read; index++) {
    if (skipped(index) || keeper.buckets[index] !== undefined) continue;
    keeper.book(index, 'accepted');
    accepted++;
  }
  if (accepted !== summary.submitted)
    keeper.problems.push(`summary.submitted ${summary.submitted}, but ${accepted} inputs unlisted`);
  return keeper;
}
