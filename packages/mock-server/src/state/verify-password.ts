import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares passwords in constant time (hashing first so lengths do not leak). */
export function verifyPassword(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
