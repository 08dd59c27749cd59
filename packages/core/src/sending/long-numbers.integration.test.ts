/**
 * Numbers longer than E.164's 15 digits (libphonenumber takes some national numbers of up
 * to 17 digits as valid) are rejected one by one where they are read: they never reach a
 * submit, where the provider's check would fail the numbers sent with them.
 */
import { describe, expect, it } from 'vitest';
import { sendBulk } from '../bulk/send-bulk.js';
import { useMockServer } from '../test-support/mock-server.js';

const env = useMockServer({}, { resetAfterEach: false });

/** Valid for Germany in libphonenumber's metadata, and 17 and 16 digits long. */
const LONG = ['+49212345678901234', '+4921234567890123'] as const;
const TOO_LONG = expect.stringContaining('E.164 numbers have at most 15 digits');

describe('numbers longer than E.164 allows', () => {
  it('are rejected one by one by send and sendBulk, their neighbours sent', async () => {
    const sms = env.transport({ onInvalid: 'skip' });
    const sent = await sms.send({ to: ['+639171234567', ...LONG], text: 'x' });
    expect(sent.accepted).toEqual(['639171234567']);
    expect(sent.rejected).toEqual([
      { index: 1, input: LONG[0], reason: TOO_LONG },
      { index: 2, input: LONG[1], reason: TOO_LONG },
    ]);
    // Two long numbers a double would round to one value are both rejected, not one a duplicate.
    const bulk = await sendBulk(sms, ['+639171234568', LONG[0], '+49212345678901235'], {
      text: 'y',
    });
    expect([bulk.submitted, bulk.rejected, bulk.duplicates]).toEqual([1, 2, 0]);
    expect((await env.received()).map((r) => r.phone).sort()).toEqual([
      '639171234567',
      '639171234568',
    ]);
    await sms.close();
  });
});
