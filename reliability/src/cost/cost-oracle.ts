import { Decimal } from '@intl-sms/core';
import type { MessageView } from '@intl-sms/mock-server/testing';
import type { SendOutcome } from './send-with-estimate.js';

/** What the mock says happened over one scenario. */
export interface MockLedger {
  /** Balance before − balance after, exact. */
  readonly balanceDelta: Decimal;
  /** Every message the mock stored in the scenario, by batch number. */
  readonly messages: ReadonlyMap<string, MessageView>;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && Decimal.parse(a).equals(Decimal.parse(b));

/**
 * The cost property for `transport.send`, checked for one scenario. Returns every violation:
 * (a) the sum of the results' `totalCost` equals the balance delta, to the last decimal,
 *     and so does the sum of the mock's per-message costs;
 * (b) each batch's `cost` and `segments` equal the mock's for that batch, and its text and
 *     encoding are the result's; every batch the mock stored is in some result;
 * (c) a result's `totalCost` is the sum of its batches' costs, `costComplete` holds;
 * (d) the estimate taken before the send names the same text and segments, and, when
 *     every batch was accepted, the same total; with smart encoding off the text is sent
 *     as written, with it on and applicable it goes out as GSM-7.
 */
export function costViolations(outcomes: readonly SendOutcome[], mock: MockLedger): string[] {
  const found: string[] = [];
  let total = Decimal.zero();
  const seen = new Set<string>();
  outcomes.forEach(({ send, message, estimate, result, error }, n) => {
    const at = `send ${n} (smartEncoding ${send.smartEncoding}, ${JSON.stringify(message.text)})`;
    if (!result) return;
    total = total.add(Decimal.parse(result.totalCost));
    if (!result.costComplete) found.push(`(c) ${at}: costComplete is false`);
    let sum = Decimal.zero();
    for (const batch of result.batches) {
      seen.add(batch.id);
      const stored = mock.messages.get(batch.id);
      if (!stored) {
        found.push(`(b) ${at}: batch ${batch.id} is not in the mock`);
        continue;
      }
      if (!same(batch.cost, stored.cost))
        found.push(
          `(b) ${at}: batch ${batch.id} cost ${batch.cost}, the mock charged ${stored.cost}`,
        );
      if (batch.segments !== stored.segments || result.segments !== stored.segments)
        found.push(
          `(b) ${at}: batch ${batch.id} segments ${batch.segments} (result ${result.segments}), the mock billed ${stored.segments}`,
        );
      if (stored.text !== result.text || stored.encoding !== result.encoding)
        found.push(
          `(b) ${at}: the mock got ${JSON.stringify(stored.text)} as ${stored.encoding}, the result says ${JSON.stringify(result.text)} as ${result.encoding}`,
        );
      if (stored.recipientCount !== batch.recipients.length)
        found.push(
          `(b) ${at}: batch ${batch.id} has ${batch.recipients.length} recipients, the mock ${stored.recipientCount}`,
        );
      if (batch.cost !== undefined) sum = sum.add(Decimal.parse(batch.cost));
    }
    if (!sum.equals(Decimal.parse(result.totalCost)))
      found.push(`(c) ${at}: totalCost ${result.totalCost}, its batches sum to ${sum}`);
    if (!send.smartEncoding && (result.text !== message.text || result.smartEncoded))
      found.push(
        `(d) ${at}: smart encoding is off, but the text sent was ${JSON.stringify(result.text)}`,
      );
    if (!estimate) {
      found.push(`(d) ${at}: the estimate threw, the send went out`);
      return;
    }
    if (estimate.text !== result.text || estimate.segments !== result.segments)
      found.push(
        `(d) ${at}: estimated ${JSON.stringify(estimate.text)} in ${estimate.segments} segment(s), sent ${JSON.stringify(result.text)} in ${result.segments}`,
      );
    if (send.smartEncoding && estimate.smartEncoding.applicable && result.encoding !== 'GSM-7')
      found.push(`(d) ${at}: smart encoding applies, but the text went out as ${result.encoding}`);
    if (error === undefined && !same(estimate.totalCost, result.totalCost))
      found.push(
        `(d) ${at}: estimated ${estimate.totalCost}, the accepted batches cost ${result.totalCost}`,
      );
  });
  let charged = Decimal.zero();
  for (const [batchNo, stored] of mock.messages) {
    charged = charged.add(Decimal.parse(stored.cost));
    if (!seen.has(batchNo))
      found.push(`(b) the mock stored batch ${batchNo} (${stored.cost}), no result has it`);
  }
  if (!total.equals(mock.balanceDelta))
    found.push(
      `(a) the results' totalCost sums to ${total}, the balance moved by ${mock.balanceDelta}`,
    );
  if (!charged.equals(mock.balanceDelta))
    found.push(
      `(a) the mock's messages cost ${charged}, the balance moved by ${mock.balanceDelta}`,
    );
  return found;
}
