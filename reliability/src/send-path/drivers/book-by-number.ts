import type { BookKeeper } from '../books.js';
import type { DrawnRecipient } from '../recipients.js';

/** What an adapter reports by wire number rather than by input position. */
export interface NumberReport {
  readonly accepted: readonly string[];
  /** Numbers whose submit may have been sent. */
  readonly unknown: readonly string[];
}

/**
 * Books inputs from a report by number: the first input of a number gets its number's
 * outcome (accepted, unknown, else failed), later inputs of it are duplicates, and input
 * that is not a number is rejected.
 */
export function bookByNumber(
  keeper: BookKeeper,
  recipients: readonly DrawnRecipient[],
  report: NumberReport,
): void {
  const accepted = new Set(report.accepted);
  const unknown = new Set(report.unknown);
  const seen = new Set<string>();
  for (const [index, { wire }] of recipients.entries()) {
    if (wire === undefined) keeper.book(index, 'rejected');
    else if (seen.has(wire)) keeper.book(index, 'duplicate');
    else if (accepted.has(wire)) keeper.book(index, 'accepted');
    else keeper.book(index, unknown.has(wire) ? 'unknown' : 'failed');
    if (wire !== undefined) seen.add(wire);
  }
}

/** The first input of each number, by position: what an app sends one notification for. */
export function firstOfEachNumber(recipients: readonly DrawnRecipient[]): Set<number> {
  const seen = new Set<string>();
  const firsts = new Set<number>();
  for (const [index, { wire, input }] of recipients.entries()) {
    const key = wire ?? `invalid:${input}:${index}`;
    if (!seen.has(key)) firsts.add(index);
    seen.add(key);
  }
  return firsts;
}
