/**
 * Every option is honoured where it is passed, or refused with a `ValidationError` naming
 * it — never accepted and ignored (issue: "every README example runs as written", item 4).
 */
import { describe, expect, it } from 'vitest';
import { sendBulk } from '../bulk/send-bulk.js';
import { waitForDelivery } from '../delivery/wait-for-delivery.js';
import { ValidationError } from '../errors/index.js';
import { createFailoverTransport } from '../failover/create-failover-transport.js';
import { normalizePhone } from '../phone/index.js';
import { createSjroomTransport } from '../providers/sjroom/create-sjroom-transport.js';
import { useMockServer } from '../test-support/mock-server.js';
import { FakeTransport } from '../testing/fake-transport.js';

const env = useMockServer({}, { resetAfterEach: false });

/** The error a call throws (or rejects with). */
async function refusal(call: () => unknown): Promise<ValidationError> {
  const error = await (async () => call())().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as ValidationError;
}

describe('options are honoured or refused by name', () => {
  it('refuses a misspelt option of every public function, naming it', async () => {
    const sms = env.transport();
    const cases: [() => unknown, string][] = [
      [
        () => createSjroomTransport({ account: 'a', password: 'p', acount: 'x' } as never),
        'acount',
      ],
      [
        () => sms.send({ to: '+639171234567', text: 'x', phonevalidation: 'possible' } as never),
        'phonevalidation',
      ],
      [() => sms.send({ to: '+639171234567', text: 'x' }, { timout: 5 } as never), 'timout'],
      [() => sms.estimate({ to: '+639171234567', text: 'x', chanelId: 1 } as never), 'chanelId'],
      [() => sendBulk(sms, [], { txt: 'x' } as never), 'txt'],
      [() => waitForDelivery(sms, ['1'], { timeOut: 5 } as never), 'timeOut'],
      [() => createFailoverTransport([sms], { stratgy: 'priority' } as never), 'stratgy'],
      [() => createFailoverTransport([sms], { strategy: 'random' } as never), 'strategy'],
      [() => sms.getDeliveryReport('1', { recipient: [] } as never), 'recipient'],
      [() => new FakeTransport({ balanse: '1' } as never), 'balanse'],
      [() => normalizePhone('+639171234567', { validate: 'possible' } as never), 'validate'],
      [
        () =>
          createSjroomTransport({ account: 'a', password: 'p', phoneValidation: 'loose' } as never),
        'phoneValidation',
      ],
      [() => sms.send({ to: '+639171234567', text: 'x', onInvalid: 'drop' } as never), 'onInvalid'],
      [() => sms.send('+639171234567' as never), 'message'],
      [
        () => sms.send({ to: '+639171234567', text: 'x', defaultCountry: 63 } as never),
        'defaultCountry',
      ],
      [
        () => sms.estimate({ to: '+639171234567', text: 'x', defaultCountry: {} } as never),
        'defaultCountry',
      ],
      [
        () => sendBulk(sms, ['+639171234567'], { text: 'x', defaultCountry: true } as never),
        'defaultCountry',
      ],
      [() => normalizePhone('+639171234567', { defaultCountry: 63 } as never), 'defaultCountry'],
    ];
    for (const [call, field] of cases) {
      const error = await refusal(call);
      expect(error.field, error.message).toBe(field);
    }
    const typo = await refusal(() =>
      sms.send({ to: '+639171234567', text: 'x', dedup: false } as never),
    );
    expect(typo.message).toContain('did you mean dedupe?');
    expect(await env.received()).toEqual([]);
    await sms.close();
  });

  it('reads a null defaultCountry as none, everywhere a number is read', async () => {
    const sms = env.transport();
    const none = null as never;
    expect(await normalizePhone('+639171234567', { defaultCountry: none })).toMatchObject({
      ok: true,
      value: { phone: '639171234567' },
    });
    const sent = await sms.send({ to: '+639171234568', text: 'x', defaultCountry: none });
    expect(sent.accepted).toEqual(['639171234568']);
    const bulk = await sendBulk(sms, ['+639171234569'], { text: 'x', defaultCountry: none });
    expect([bulk.submitted, bulk.rejected]).toEqual([1, 0]);
    expect((await env.received()).map((r) => r.phone).sort()).toEqual([
      '639171234568',
      '639171234569',
    ]);
    await sms.close();
  });

  it('honours phoneValidation on a single send', async () => {
    const sms = env.transport();
    const testRange = '+44 7700 900123'; // possible (right length), not valid (a test range)
    const strict = await sms.send({ to: testRange, text: 'x' }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(strict)).toBe(true);
    const loose = await sms.send({ to: testRange, text: 'x', phoneValidation: 'possible' });
    expect(loose.accepted).toEqual(['447700900123']);
    await sms.close();
  });

  it('honours channelPreferences on a single send, and refuses a channel of another country', async () => {
    const sms = env.transport();
    const [cheapest, dearer] = [...env.enabled('7')].sort(
      (a, b) => Number(a.price) - Number(b.price) || a.id.localeCompare(b.id),
    );
    expect(dearer).toBeDefined();
    const russia = '+79161234567';
    const routed = await sms.send({
      to: russia,
      text: 'x',
      channelPreferences: { RU: dearer?.id as string },
    });
    expect(String(routed.batches[0]?.channelId)).toBe(dearer?.id);
    const plain = await sms.send({ to: russia, text: 'x' });
    expect(String(plain.batches[0]?.channelId)).toBe(cheapest?.id);
    const philippines = env.enabled('63')[0]?.id as string;
    const wrong = await refusal(() =>
      sms.send({ to: russia, text: 'x', channelPreferences: { RU: philippines } }),
    );
    expect(wrong.field).toBe('channelPreferences.RU');
    expect(wrong.message).toContain('serves +63');
    const unknown = await refusal(() =>
      sms.send({ to: russia, text: 'x', channelPreferences: { '7': '999999' } }),
    );
    expect(unknown.field).toBe('channelPreferences.7');
    await sms.close();
  });
});
