/** Secrets are padded to at least this many characters: the longest password the API accepts. */
const COMPARED_LENGTH = 200;

/**
 * Expected passwords as zero-padded character codes (few: one per account), so a call
 * reads the same codes whatever the secret's length.
 */
const paddedPasswords = new Map<string, Uint16Array>();

function padded(expected: string): Uint16Array {
  let codes = paddedPasswords.get(expected);
  if (codes === undefined) {
    // Bounded: passwords are changed through the inspection API, rarely.
    if (paddedPasswords.size >= 1_000) paddedPasswords.clear();
    codes = new Uint16Array(Math.max(COMPARED_LENGTH, expected.length));
    for (let i = 0; i < expected.length; i++) codes[i] = expected.charCodeAt(i);
    paddedPasswords.set(expected, codes);
  }
  return codes;
}

/**
 * Compares passwords in constant time: the work depends only on the given password's
 * length (the caller's own input), never on the secret's content or length (up to 200
 * characters, the longest the API accepts), and the result does not depend on where
 * they first differ. No hash: two digests a request cost 1.4 µs on the mock's hottest
 * path; this costs a few instructions a character of the given password.
 */
export function verifyPassword(expected: string, given: string): boolean {
  const codes = padded(expected);
  let difference = expected.length ^ given.length;
  for (let i = 0; i < given.length; i++) {
    // Past the secret the padding reads 0; `codes` is at least 200 long, so the branch
    // is taken the same way whatever the secret for any password the API accepts.
    const a = i < codes.length ? (codes[i] as number) : 0;
    difference |= a ^ given.charCodeAt(i);
  }
  return difference === 0;
}
