import { describe, expect, it } from 'vitest';
import { toWireNumber } from './wire-number.js';

describe('toWireNumber', () => {
  it.each([
    ['+639171234567', '639171234567'],
    ['+63 917 123 4567', '639171234567'],
    ['0063-917-123-4567', '639171234567'],
    ['(+44) 7700.900123', '447700900123'],
    ['639171234567', '639171234567'],
  ])('%s becomes %s', (input, wire) => {
    expect(toWireNumber(input)).toEqual({ ok: true, phone: wire });
  });

  it.each([
    ['', 'empty'],
    ['+63 917 abc', 'contains characters other than digits'],
    ['09171234567', 'no country code (national format)'],
    ['+1234', 'not 6–15 digits long'],
    ['+1234567890123456', 'not 6–15 digits long'],
  ])('rejects %j: %s', (input, reason) => {
    expect(toWireNumber(input)).toEqual({ ok: false, reason });
  });
});
