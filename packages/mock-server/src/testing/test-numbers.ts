import { magicOutcome } from '../state/magic-numbers.js';

/**
 * `count` distinct numbers in wire form (digits, country code first): `prefix` (digits,
 * a `+` is dropped) and a running suffix of `digits` digits from `start`, skipping the
 * mock's magic endings (…0001 fails, …0002 stays pending, …0003 is refused).
 */
export function testNumbers(prefix: string, count: number, digits: number, start = 0): string[] {
  const head = prefix.replace(/^\+/, '');
  const out: string[] = [];
  for (let i = start; out.length < count; i++) {
    const phone = head + String(i).padStart(digits, '0');
    if (magicOutcome(phone) === undefined) out.push(phone);
  }
  return out;
}

/** Valid Philippine mobile numbers (+63 917 …), wire form. */
export function philippineNumbers(count: number, start = 0): string[] {
  return testNumbers('63917', count, 7, start * 10 + 10);
}

/** Valid UK mobile numbers (+44 7400 …), wire form. */
export function ukNumbers(count: number, start = 0): string[] {
  return testNumbers('447400', count, 6, start + 10);
}
