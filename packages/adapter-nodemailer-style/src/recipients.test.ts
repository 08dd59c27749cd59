import { describe, expect, it } from 'vitest';
import { phonesFromAddresses } from './recipients.js';

describe('phonesFromAddresses', () => {
  it('reads every nodemailer address form', () => {
    expect(
      phonesFromAddresses(
        '+639171234567, "Smith, Ann" <+44 7400 123456>; Bob +6591234567',
        [
          '+12025550123@sms',
          { name: 'Carl', address: '+8613800138000' },
          { name: '+819012345678' },
        ],
        undefined,
        'someone@example.com',
      ),
    ).toEqual([
      '+639171234567',
      '+44 7400 123456',
      '+6591234567',
      '+12025550123',
      '+8613800138000',
      '+819012345678',
      'someone@example.com',
    ]);
  });
});
