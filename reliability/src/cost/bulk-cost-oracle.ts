import { Decimal } from '@intl-sms/core';
import type { MessageView } from '@intl-sms/mock-server/testing';
import { bookRun } from '../send-path/drivers/bulk-driver.js';
import type { DrawnRecipient } from '../send-path/recipients.js';
import type { BulkCostScenario } from './bulk-cost-scenario.js';
import type { BulkRun } from './bulk-with-raises.js';

const dec = (text: string) => Decimal.parse(text);

/**
 * The cost and cap property for `sendBulk`, over one chain of runs. Returns every violation:
 * (a) each run's `totalCost` equals its balance delta and the sum of its batches' costs,
 *     and each batch's cost is the mock's charge for it;
 * (b) with a cap: `committedCost ≤ maxCost`, and the balance never moved by more than the
 *     cap over the chain; `committedCost` is what the chain really spent (no faults here);
 * (c) every recipient read is in exactly one bucket, `budget` included, and the counts agree;
 * (d) every submitted chunk was estimated first and fitted under the cap with what was
 *     committed before it; the chunk estimated last without a submit would have crossed it
 *     (exactly with concurrency 1; with more, even counting every chunk reserved before it);
 * (e) over the chain, each number reached the mock at most once, and every recipient a run
 *     left for the budget was sent by the raised-cap resumes (or, having no number or no
 *     channel, rejected or failed by them as an uncapped run would).
 */
export function bulkCostViolations(scenario: BulkCostScenario, runs: readonly BulkRun[]): string[] {
  const found: string[] = [];
  const received = new Map<string, number>();
  const budgetLeft = new Set<number>();
  runs.forEach((run, r) => {
    const at = `run ${r} (cap ${run.cap ?? 'none'})`;
    const { summary } = run;
    const charged = (ids: readonly string[]) =>
      ids.reduce((sum, id) => sum.add(dec(run.messages.get(id)?.cost ?? '0')), Decimal.zero());
    // (a)
    if (!dec(summary.totalCost).equals(run.delta))
      found.push(`(a) ${at}: totalCost ${summary.totalCost}, the balance moved by ${run.delta}`);
    let batches = Decimal.zero();
    for (const batch of summary.batchList) {
      const stored = run.messages.get(batch.id);
      if (!stored || batch.cost === undefined || !dec(batch.cost).equals(dec(stored.cost)))
        found.push(
          `(a) ${at}: batch ${batch.id} cost ${batch.cost}, the mock charged ${stored?.cost}`,
        );
      batches = batches.add(dec(batch.cost ?? '0'));
    }
    if (!batches.equals(dec(summary.totalCost)))
      found.push(`(a) ${at}: batches sum to ${batches}, totalCost ${summary.totalCost}`);
    if (run.messages.size !== summary.batchList.length)
      found.push(
        `(a) ${at}: the mock stored ${run.messages.size} batches, the summary lists ${summary.batchList.length}`,
      );
    for (const message of run.messages.values()) countPhones(received, message);
    // (b)
    const spent = run.spentBefore.add(run.delta);
    if (run.cap !== undefined) {
      const cap = dec(run.cap);
      if (dec(summary.committedCost).compare(cap) > 0)
        found.push(`(b) ${at}: committedCost ${summary.committedCost} is over the cap`);
      if (spent.compare(cap) > 0) found.push(`(b) ${at}: the chain spent ${spent}, over the cap`);
    }
    if (!dec(summary.committedCost).equals(spent))
      found.push(`(b) ${at}: committedCost ${summary.committedCost}, the chain spent ${spent}`);
    // (c)
    const books = bookRun(summary, runs[r - 1]?.summary, scenario.recipients.length);
    found.push(...books.problems.map((p) => `(c) ${at}: ${p}`));
    if (summary.budget !== summary.budgetRecipients.length)
      found.push(`(c) ${at}: budget ${summary.budget}, ${summary.budgetRecipients.length} listed`);
    if (summary.budgetExceeded !== summary.budgetRecipients.length > 0)
      found.push(
        `(c) ${at}: budgetExceeded ${summary.budgetExceeded} with ${summary.budget} budget recipients`,
      );
    if (run.cap === undefined && summary.budget > 0)
      found.push(`(c) ${at}: budget recipients without a cap`);
    for (const b of summary.budgetRecipients) {
      if (b.code !== 'BUDGET_EXCEEDED')
        found.push(`(c) ${at}: budget recipient ${b.index} has code ${b.code}`);
      budgetLeft.add(b.index);
    }
    books.buckets.forEach((bucket, index) => {
      if (!budgetLeft.has(index) || bucket === undefined || bucket === 'budget') return;
      // Sent by the resume; or refused or failed then, as without a cap (no number, no channel).
      const unroutable = unsendable(scenario.recipients[index]);
      if (bucket === 'accepted' || (unroutable && (bucket === 'rejected' || bucket === 'failed')))
        budgetLeft.delete(index);
      else found.push(`(e) ${at}: input ${index}, left for the budget before, is now ${bucket}`);
    });
    // (d)
    if (run.cap !== undefined)
      found.push(...chunkViolations(run, scenario.concurrency, at, charged));
  });
  for (const [phone, times] of received)
    if (times > 1) found.push(`(e) ${phone} reached the mock ${times}×`);
  for (const index of budgetLeft)
    found.push(`(e) input ${index} was left for the budget and never sent by a raised-cap resume`);
  return found;
}

/** No number, or no channel (China). */
function unsendable(recipient: DrawnRecipient | undefined): boolean {
  return !recipient?.wire || recipient.code === '86';
}

function countPhones(received: Map<string, number>, message: MessageView): void {
  for (const { phone } of message.recipients ?? [])
    received.set(phone, (received.get(phone) ?? 0) + 1);
}

/**
 * (d): walks the run's estimates and submits in call order. Each submit follows the
 * estimate of the same chunk; the chain's spend before it plus that estimate fits the cap
 * (with concurrency 1, exactly what was charged before; with more, every estimate reserved
 * before it is an upper bound). The estimate no submit follows is the refused chunk.
 */
function chunkViolations(
  run: BulkRun,
  concurrency: number,
  at: string,
  charged: (ids: readonly string[]) => Decimal,
): string[] {
  const found: string[] = [];
  const cap = dec(run.cap as string);
  const key = (to: unknown) => JSON.stringify(to);
  let settled = run.spentBefore;
  let reserved = run.spentBefore;
  const estimated = new Map<string, { estimate: Decimal; settledBefore: Decimal }>();
  for (const call of run.calls) {
    if (call.kind === 'estimate') {
      const estimate = dec(call.estimate.totalCost);
      estimated.set(key(call.message.to), { estimate, settledBefore: settled });
      reserved = reserved.add(estimate);
      continue;
    }
    const before = estimated.get(key(call.message.to));
    estimated.delete(key(call.message.to));
    if (!before) {
      found.push(
        `(d) ${at}: a chunk to ${key(call.message.to)} was submitted without its estimate`,
      );
      continue;
    }
    const cost = charged(call.batchIds);
    if (call.batchIds.length > 0 && !cost.equals(before.estimate))
      found.push(
        `(d) ${at}: a chunk was estimated at ${before.estimate}, the mock charged ${cost}`,
      );
    if (concurrency === 1 && before.settledBefore.add(before.estimate).compare(cap) > 0)
      found.push(
        `(d) ${at}: a chunk of ${before.estimate} was submitted on top of ${before.settledBefore}, over ${cap}`,
      );
    settled = settled.add(cost);
  }
  if (estimated.size > 1)
    found.push(`(d) ${at}: ${estimated.size} estimated chunks were never submitted (one at most)`);
  if (run.summary.budgetExceeded !== (estimated.size === 1))
    found.push(
      `(d) ${at}: budgetExceeded ${run.summary.budgetExceeded}, ${estimated.size} estimated chunk(s) never submitted`,
    );
  const [left] = estimated.values();
  if (left) {
    // The refused chunk would have crossed the cap: exactly, with concurrency 1; with more,
    // at least on top of every estimate reserved before it.
    const committed = concurrency === 1 ? left.settledBefore : reserved.subtract(left.estimate);
    if (committed.add(left.estimate).compare(cap) <= 0)
      found.push(
        `(d) ${at}: the refused chunk (${left.estimate}) would have fitted: ${committed} committed, cap ${cap}`,
      );
  }
  return found;
}
