import { Decimal } from '@intl-sms/core';
import type { Books } from './books.js';
import { textOf } from './harness.js';
import { type MockRecords, messageKey } from './mock-records.js';
import type { Scenario } from './scenario.js';

/** Balances before and after a scenario, per account. */
export interface BalanceMoves {
  readonly before: ReadonlyMap<string, Decimal>;
  readonly after: ReadonlyMap<string, Decimal>;
}

/**
 * The property, checked for one scenario. Returns every violation found:
 * (a) no message (wire number + text) reaches the provider twice, unless the caller asked
 *     for it (`dedupe: false`, or failover's opt-in after provider errors); and never more
 *     often than its inputs booked accepted or unknown;
 * (b) every input is in exactly one bucket;
 * (c) accepted ⇒ the mock has it; failed, budget, rejected or duplicate-only ⇒ the mock never had it
 *     beyond what the other inputs of the same message allow; unknown ⇒ either;
 * (d) the balances moved by exactly what the mock charged;
 * and an entry point that rejected with a retryable error sent nothing.
 */
export function violations(
  scenario: Scenario,
  books: Books,
  records: MockRecords,
  balances: BalanceMoves,
): string[] {
  const found = [...books.problems];
  const accepted = new Map<string, number>();
  const unknown = new Map<string, number>();
  const asked = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  scenario.recipients.forEach((recipient, index) => {
    const bucket = books.buckets[index];
    if (bucket === undefined) found.push(`(b) input ${index} (${recipient.input}) is in no bucket`);
    if (recipient.wire === undefined) {
      if (bucket === 'accepted' || bucket === 'unknown')
        found.push(`input ${index} (${recipient.input}) is not a number but booked ${bucket}`);
      return;
    }
    const key = messageKey(recipient.wire, textOf(scenario, index));
    count(asked, key);
    if (bucket === 'accepted') count(accepted, key);
    if (bucket === 'unknown') count(unknown, key);
  });
  for (const [key, inputs] of asked) {
    const got = records.received.get(key) ?? 0;
    const low = accepted.get(key) ?? 0;
    // A repeat is sent again only when the caller said so (`dedupe: false`).
    const repeatsAsked =
      !scenario.dedupe && (scenario.entry === 'send' || scenario.entry === 'failover');
    const wanted = repeatsAsked ? inputs : 1;
    const high = Math.min(wanted, low + (unknown.get(key) ?? 0)) + books.allowance;
    const label = key.replace('\u0000', ' / ');
    if (got < low) found.push(`(c) ${label}: booked accepted ${low}×, the mock has it ${got}×`);
    if (got > high)
      found.push(
        `(a) ${label}: the mock has it ${got}×, the books and the caller allow at most ${high}×`,
      );
  }
  for (const [key, times] of records.received) {
    if (!asked.has(key))
      found.push(
        `(a) ${key.replace('\u0000', ' / ')} reached the mock ${times}× but was never asked for`,
      );
  }
  if (books.rejectedRetryable && records.received.size > 0)
    found.push('the entry point rejected with a retryable error after something was sent');
  let moved = Decimal.zero(4);
  for (const [account, before] of balances.before) {
    moved = moved.add(before.subtract(balances.after.get(account) ?? before));
  }
  if (!moved.equals(records.charged))
    found.push(`(d) the balances moved by ${moved}, the mock charged ${records.charged}`);
  return found;
}
