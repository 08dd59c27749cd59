/** Passwords are at most this long (the request schemas and the accounts API say so). */
const COMPARED_LENGTH = 200;

/**
 * Compares passwords in constant time: every call reads the same number of characters
 * (200, or the given password's length if longer), whatever the passwords, and its
 * result does not depend on where they first differ. No hash: it would cost two
 * digests per request on the mock's hottest path, and equal work is all that is needed.
 */
export function verifyPassword(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length;
  const length = Math.max(COMPARED_LENGTH, given.length);
  // Short strings compare as if padded with zeros; the length difference above still
  // counts. (`charCodeAt` past the end would return NaN and cost eight times as much.)
  for (let i = 0; i < length; i++) {
    const a = i < expected.length ? expected.charCodeAt(i) : 0;
    const b = i < given.length ? given.charCodeAt(i) : 0;
    difference |= a ^ b;
  }
  return difference === 0;
}
