import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, injectServer } from '../test-support/inject.js';
import type { FaultRuleInput } from './fault-rule.js';

let server: ReturnType<typeof injectServer>;
afterEach(async () => {
  await server.app.close();
});

const PH_NUMBER = '639171234567';
const GB_NUMBER = '447700900123';
const OTHER_PH = '639170000011';

/** A fault that names itself in `stateMsg`, so a test sees which rule answered. */
const marked = (stateMsg: string, matchers: Partial<FaultRuleInput>): FaultRuleInput => ({
  type: 'state-code',
  stateCode: '500',
  stateMsg,
  ...matchers,
});

/** Submits to the enabled channel of `countryCode` and returns the answer's `stateMsg`. */
async function submitTo(countryCode: string, phone: string, fields: object = {}) {
  const channel = server.enabledChannel(countryCode);
  const answer = await server.submit({ goodsSupplySmsConfigId: channel.id, phone, ...fields });
  return answer.body.stateMsg as string;
}

describe('fault matchers', () => {
  it.each([['63'], ['+63'], [63], ['PH'], ['ph']])(
    'country %j matches submits to a channel of the Philippines only',
    async (country) => {
      server = injectServer();
      await server.setFaults([marked('ph', { country })]);
      expect(await submitTo('63', PH_NUMBER)).toBe('ph');
      expect(await submitTo('44', GB_NUMBER)).toBe('成功');
      expect(await submitTo('63', PH_NUMBER)).toBe('ph');
      expect((await server.listFaults())[0]).toMatchObject({ matched: 2, remaining: null });
    },
  );

  it('a country rule never matches list, query or balance, whatever their body holds', async () => {
    server = injectServer();
    await server.setFaults([marked('ph', { country: 'PH' })]);
    const channelId = server.enabledChannel('63').id;
    for (const endpoint of ['list', 'balance', 'query']) {
      const answer = await server.post(endpoint, {
        ...DEMO,
        goodsSupplySmsConfigId: channelId,
        phone: PH_NUMBER,
        batchNo: 'x',
      });
      expect(JSON.stringify(answer.body)).not.toContain('"ph"');
    }
    expect((await server.listFaults())[0]?.matched).toBe(0);
  });

  it('channelId matches the channel given as a number or as digits, on either side', async () => {
    server = injectServer();
    const ph = server.enabledChannel('63').id;
    await server.setFaults([marked('by number', { channelId: Number(ph) })]);
    expect(await submitTo('63', PH_NUMBER)).toBe('by number');
    expect(
      (await server.submit({ goodsSupplySmsConfigId: String(ph), phone: PH_NUMBER })).body.stateMsg,
    ).toBe('by number');
    await server.setFaults([marked('by digits', { channelId: ph })]);
    expect(await submitTo('63', PH_NUMBER)).toBe('by digits');
    expect(await submitTo('44', GB_NUMBER)).toBe('成功');
  });

  it('channelId keeps ids above 2^53 exact: a neighbour that rounds to the same double does not match', async () => {
    server = injectServer({ bigIds: true });
    const id = server.enabledChannel('63').id;
    const neighbour = (BigInt(id) + 1n).toString();
    expect(Number(neighbour)).toBe(Number(id));
    // A bare JSON integer, as a Java client would send it; the mock parses it without rounding.
    const put = await server.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      headers: { 'content-type': 'application/json' },
      payload: `[{"type":"state-code","stateCode":"500","stateMsg":"big","channelId":${id}},
        {"type":"state-code","stateCode":"500","stateMsg":"neighbour","channelId":"${neighbour}"}]`,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().rules.map((rule: { channelId: string }) => rule.channelId)).toEqual([
      id,
      neighbour,
    ]);
    const submit = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/submit',
      headers: { 'content-type': 'application/json' },
      payload: `{"account":"demo","password":"demo-password","goodsSupplySmsConfigId":${id},"phone":"${PH_NUMBER}","sendContent":"x"}`,
    });
    expect(submit.json().stateMsg).toBe('big');
    expect((await server.listFaults()).map((rule) => rule.matched)).toEqual([1, 0]);
  });

  it('phone matches a submit whose list holds the number, comparing digits only', async () => {
    server = injectServer();
    await server.setFaults([marked('phone', { phone: '+63 917 123 4567' })]);
    expect(await submitTo('63', PH_NUMBER)).toBe('phone');
    expect(await submitTo('63', `+${PH_NUMBER}`)).toBe('phone');
    expect(await submitTo('63', `${OTHER_PH};\n+${PH_NUMBER}，639175550000`)).toBe('phone');
    expect(await submitTo('63', '639171234568,639171234560')).toBe('成功');
    await server.setFaults([marked('number', { phone: Number(PH_NUMBER) })]);
    expect(await submitTo('63', `${OTHER_PH}, ${PH_NUMBER}`)).toBe('number');
  });

  it('all given matchers must match: endpoint, account, country, channelId and phone together', async () => {
    server = injectServer({ accounts: [{ account: 'acme', password: 'acme-password' }] });
    const ph = server.enabledChannel('63').id;
    await server.setFaults([
      marked('all', {
        endpoint: 'submit',
        account: 'demo',
        country: 'PH',
        channelId: ph,
        phone: PH_NUMBER,
      }),
    ]);
    expect(await submitTo('63', OTHER_PH)).toBe('成功');
    expect(
      await submitTo('63', PH_NUMBER, { account: 'acme', password: 'acme-password' }),
    ).not.toBe('all');
    expect(await submitTo('63', PH_NUMBER)).toBe('all');
    expect((await server.listFaults())[0]?.matched).toBe(1);
  });

  it('matches on the raw body before validation: an invalid submit to PH still gets the fault', async () => {
    server = injectServer();
    await server.setFaults([marked('ph', { country: 'PH' })]);
    const ph = server.enabledChannel('63').id;
    const answer = await server.post('submit', { goodsSupplySmsConfigId: ph, colour: 'red' });
    expect(answer.body.stateMsg).toBe('ph');
  });

  it.each([
    ['an array body', []],
    ['a string body', 'submit'],
    ['null', null],
    ['a number as phone', { ...DEMO, phone: 639171234567, sendContent: 'x' }],
    ['an array as phone', { ...DEMO, phone: [PH_NUMBER], sendContent: 'x' }],
    ['an object as channel id', { ...DEMO, goodsSupplySmsConfigId: {}, phone: OTHER_PH }],
    ['a fraction as channel id', { ...DEMO, goodsSupplySmsConfigId: 10001.5, phone: OTHER_PH }],
    ['a negative channel id', { ...DEMO, goodsSupplySmsConfigId: -10001, phone: OTHER_PH }],
    ['an unknown channel id', { ...DEMO, goodsSupplySmsConfigId: 1, phone: OTHER_PH }],
    ['letters as channel id', { ...DEMO, goodsSupplySmsConfigId: 'PH', phone: 'x' }],
  ])(
    'a malformed submit (%s) matches no country, channelId or phone rule, and gets a 400-class envelope',
    async (_, body) => {
      server = injectServer();
      await server.setFaults([
        marked('country', { country: 'PH' }),
        marked('channel', { channelId: 1000000 }),
        marked('phone', { phone: PH_NUMBER }),
      ]);
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/open/int/sms/submit',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(response.statusCode).toBe(200);
      expect(['400', '403']).toContain(response.json().stateCode);
      expect((await server.listFaults()).map((rule) => rule.matched)).toEqual([0, 0, 0]);
    },
  );
});
