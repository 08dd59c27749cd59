import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, injectServer } from '../test-support/inject.js';
import { splitPhones } from '../wire/phones.js';

const server = injectServer();
afterAll(async () => {
  await server.app.close();
});

const PH = server.enabledChannel('63').id;
const GB = server.enabledChannel('44').id;
const PHONE = '639171234567';

/** The oracle: which of the three rules a raw submit body should match, written from the README. */
function expectedMatch(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { goodsSupplySmsConfigId: id, phone } = body as Record<string, unknown>;
  const asWritten =
    typeof id === 'number' && Number.isSafeInteger(id) && id >= 0
      ? String(id)
      : typeof id === 'string' && /^\d{1,19}$/.test(id)
        ? id
        : undefined;
  if (asWritten === GB) return 'channel';
  if (asWritten === PH) return 'country';
  if (typeof phone === 'string' && splitPhones(phone).includes(PHONE)) return 'phone';
  return undefined;
}

const field = fc.oneof(fc.jsonValue(), fc.string(), fc.integer());
const submitBody = fc.record(
  {
    account: fc.oneof(fc.constant(DEMO.account), field),
    password: fc.oneof(fc.constant(DEMO.password), field),
    goodsSupplySmsConfigId: fc.oneof(
      fc.constantFrom(Number(PH), PH, `0${PH}`, Number(GB), GB, Number(PH) + 0.5, -1, 1, 'PH'),
      field,
    ),
    phone: fc.oneof(
      fc.constantFrom(PHONE, `+${PHONE}`, ` ${PHONE} ;639170000011`, `${PHONE}5`, Number(PHONE)),
      fc.array(fc.constant(PHONE), { maxLength: 2 }),
      field,
    ),
    sendContent: fc.oneof(fc.constant('hi'), field),
    extra: field,
  },
  { requiredKeys: [] },
);

describe('country, channelId and phone rules on arbitrary submit bodies', () => {
  it('match exactly the bodies whose raw fields name them, and never answer a 5xx', async () => {
    await server.setFaults([
      { type: 'state-code', stateCode: 503, stateMsg: 'channel', channelId: Number(GB) },
      { type: 'state-code', stateCode: 503, stateMsg: 'country', country: '+63' },
      { type: 'state-code', stateCode: 503, stateMsg: 'phone', phone: '+63 917 123 4567' },
    ]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(submitBody, fc.jsonValue()), async (body) => {
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/open/int/sms/submit',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect(response.statusCode).toBe(200);
        const answer = response.json();
        const matched = answer.stateCode === '503' ? answer.stateMsg : undefined;
        expect(matched).toBe(expectedMatch(body));
        if (!matched) expect(answer.stateCode).not.toBe('500');
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });
});
