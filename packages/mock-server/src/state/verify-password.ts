import { createHash, timingSafeEqual } from 'node:crypto';

/** Digests of the expected passwords (few: one per account), so a request hashes only its own. */
const expectedDigests = new Map<string, Buffer>();

/** Compares passwords in constant time (hashing first so lengths do not leak). */
export function verifyPassword(expected: string, given: string): boolean {
  let a = expectedDigests.get(expected);
  if (a === undefined) {
    // Bounded: passwords are changed through the inspection API, rarely.
    if (expectedDigests.size >= 1_000) expectedDigests.clear();
    a = createHash('sha256').update(expected).digest();
    expectedDigests.set(expected, a);
  }
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
