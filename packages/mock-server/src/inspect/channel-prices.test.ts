import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, injectServer, JSON_HEADERS } from '../test-support/inject.js';

let server: ReturnType<typeof injectServer>;
afterEach(async () => {
  await server.app.close();
});

const put = (url: string, payload: unknown) =>
  server.app.inject({ method: 'PUT', url, headers: JSON_HEADERS, payload: payload as object });
const balance = async () =>
  (await server.app.inject({ method: 'GET', url: '/__mock/accounts/demo' })).json().balance;

describe('PUT /__mock/channels/:id', () => {
  it('sets a price with up to eight decimals, charges it exactly, and reset restores the catalogue', async () => {
    server = injectServer({ receiptDelay: 0 });
    const channel = server.app.mockState.channels.find(
      (c) => c.countryCode === '63' && c.status === 1,
    );
    if (!channel) throw new Error('no PH channel');
    const changed = await put(`/__mock/channels/${channel.id}`, { price: '0.01234567' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: channel.id, price: '0.01234567' });
    const list = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/list',
      payload: DEMO,
    });
    expect(list.body).toContain('"customerPrice":0.01234567');
    // 3 recipients × 2 UCS-2 segments × 0.01234567 = 0.07407402
    const text = '你'.repeat(71);
    const sent = await server.submit({
      phone: '639171234567,639171234568,639171234569',
      sendContent: text,
    });
    expect(sent.body.stateCode).toBe('200');
    expect(await balance()).toBe('999.92592598');
    const message = await server.app.inject({
      method: 'GET',
      url: `/__mock/messages/${sent.body.data}`,
    });
    expect(message.json()).toMatchObject({ segments: 2, cost: '0.07407402' });

    await server.app.inject({ method: 'POST', url: '/__mock/reset', headers: JSON_HEADERS });
    expect(server.app.mockState.channelById.get(channel.id)?.price).toBe(channel.price);
    expect(await balance()).toBe('1000.0000');
  });

  it('disables a channel, and names the field of a bad change', async () => {
    server = injectServer();
    const channel = server.app.mockState.channels.find(
      (c) => c.countryCode === '63' && c.status === 1,
    );
    if (!channel) throw new Error('no PH channel');
    expect((await put(`/__mock/channels/${channel.id}`, { status: 0 })).json().status).toBe(0);
    expect(
      (
        await server.post('submit', {
          ...DEMO,
          goodsSupplySmsConfigId: Number(channel.id),
          phone: '639171234567',
          sendContent: 'hello',
        })
      ).body.stateCode,
    ).toBe('403');
    const bad = await put(`/__mock/channels/${channel.id}`, { price: '0.000000001' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^\[price:/);
    expect((await put(`/__mock/channels/${channel.id}`, { price: '-1' })).json().error).toMatch(
      /^\[price:/,
    );
    expect((await put(`/__mock/channels/${channel.id}`, { status: 2 })).json().error).toMatch(
      /^\[status:/,
    );
    expect((await put(`/__mock/channels/${channel.id}`, { cost: 1 })).statusCode).toBe(400);
    expect((await put('/__mock/channels/999', { price: '1' })).statusCode).toBe(404);
  });
});
