import { afterEach, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../start-mock-server.js';
import { DEMO } from '../test-support/inject.js';
import { readmeFaultExamples } from '../test-support/readme-examples.js';

let server: RunningMockServer;
afterEach(async () => {
  await server.close();
});

async function post(endpoint: string, body: unknown) {
  return fetch(`${server.url}/api/open/int/sms/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('connection faults over real TCP', () => {
  it('drops the connection without processing', async () => {
    server = await startMockServer({ faults: [{ type: 'drop', endpoint: 'submit' }] });
    const channel = server.state.channels.find((c) => c.countryCode === '63' && c.status === 1);
    await expect(
      post('submit', {
        ...DEMO,
        goodsSupplySmsConfigId: channel?.id,
        phone: '639171234567',
        sendContent: 'x',
      }),
    ).rejects.toThrow();
    expect(server.state.batches.size).toBe(0);
  });

  it('resets the connection after processing, so the outcome is unknown to the client', async () => {
    server = await startMockServer({ faults: [{ type: 'reset', endpoint: 'submit', times: 1 }] });
    const channel = server.state.channels.find((c) => c.countryCode === '63' && c.status === 1);
    await expect(
      post('submit', {
        ...DEMO,
        goodsSupplySmsConfigId: channel?.id,
        phone: '639171234567',
        sendContent: 'x',
      }),
    ).rejects.toThrow();
    expect(server.state.batches.size).toBe(1);
    const answer = (await (await post('balance', DEMO)).json()) as { stateCode: string };
    expect(answer.stateCode).toBe('200');
  });

  it("runs the README's scenario as written: 403, then reset after processing, then normal", async () => {
    server = await startMockServer();
    const [scenario] = (await readmeFaultExamples()).json;
    const put = await fetch(`${server.url}/__mock/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario),
    });
    expect(put.status).toBe(200);
    const ph = server.state.channels.find((c) => c.countryCode === '63' && c.status === 1);
    const gb = server.state.channels.find((c) => c.countryCode === '44' && c.status === 1);
    const submit = (channel: typeof ph, phone: string) =>
      post('submit', { ...DEMO, goodsSupplySmsConfigId: channel?.id, phone, sendContent: 'x' });

    expect(await (await submit(gb, '447700900123')).json()).toMatchObject({ stateCode: '200' });
    expect(await (await submit(ph, '639171234567')).json()).toMatchObject({ stateCode: '403' });
    expect(server.state.batches.size).toBe(1);
    await expect(submit(ph, '639171234567')).rejects.toThrow();
    expect(server.state.batches.size).toBe(2);
    expect(await (await submit(ph, '639171234567')).json()).toMatchObject({ stateCode: '200' });
    expect(server.state.batches.size).toBe(3);

    const balances = [];
    for (let i = 0; i < 4; i++) balances.push((await post('balance', DEMO)).status);
    expect(balances).toEqual([200, 200, 502, 200]);
    const listed = (await (await fetch(`${server.url}/__mock/faults`)).json()) as {
      rules: unknown[];
    };
    expect(listed.rules).toEqual([]);
  });

  it('counts a delayed call as pending until it lands, even after its client gave up', async () => {
    server = await startMockServer({
      faults: [{ type: 'latency', endpoint: 'submit', delayMs: 300 }],
    });
    const channel = server.state.channels.find((c) => c.countryCode === '63' && c.status === 1);
    const health = async () =>
      (await (await fetch(`${server.url}/__mock/health`)).json()) as {
        pendingCalls: number;
        messages: number;
      };
    await expect(
      fetch(`${server.url}/api/open/int/sms/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...DEMO,
          goodsSupplySmsConfigId: channel?.id,
          phone: '639171234567',
          sendContent: 'late',
        }),
        signal: AbortSignal.timeout(50),
      }),
    ).rejects.toThrow();
    expect(await health()).toMatchObject({ pendingCalls: 1, messages: 0 });
    let after = await health();
    while (after.pendingCalls > 0) after = await health();
    expect(after).toMatchObject({ pendingCalls: 0, messages: 1 });
  });
});
