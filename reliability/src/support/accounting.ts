import type { RunningMockServer } from '@intl-sms/mock-server';

/** Where the client says each recipient ended up. */
export interface ClientReport {
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
  readonly unknown: readonly string[];
}

/** How many times the mock received each number, over every stored batch. */
export function receivedCounts(mock: RunningMockServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const batch of mock.state.batches.newestFirst()) {
    for (const phone of batch.phones) counts.set(phone, (counts.get(phone) ?? 0) + 1);
  }
  return counts;
}

/**
 * The promise, checked: every recipient is in exactly one of accepted / rejected /
 * unknown; the mock received each accepted number exactly once, each rejected number
 * never, each unknown number at most once, and nothing else. Returns the violations.
 */
export function accountingViolations(
  recipients: readonly string[],
  report: ClientReport,
  received: Map<string, number>,
): string[] {
  const violations: string[] = [];
  const buckets = new Map<string, string[]>();
  for (const [bucket, phones] of Object.entries(report)) {
    for (const phone of phones as string[])
      buckets.set(phone, [...(buckets.get(phone) ?? []), bucket]);
  }
  for (const phone of recipients) {
    const inBuckets = buckets.get(phone) ?? [];
    if (inBuckets.length !== 1)
      violations.push(
        `${phone} is in ${inBuckets.length} buckets (${inBuckets.join(', ') || 'none'})`,
      );
    const times = received.get(phone) ?? 0;
    const bucket = inBuckets[0];
    if (bucket === 'accepted' && times !== 1)
      violations.push(`${phone} accepted but received ${times} times`);
    if (bucket === 'rejected' && times !== 0)
      violations.push(`${phone} rejected but received ${times} times`);
    if (bucket === 'unknown' && times > 1)
      violations.push(`${phone} unknown but received ${times} times`);
  }
  const sent = new Set(recipients);
  for (const [phone, times] of received) {
    if (!sent.has(phone)) violations.push(`${phone} received ${times} times but never sent`);
  }
  return violations;
}
