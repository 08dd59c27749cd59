import { afterEach, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../start-mock-server.js';
import { DEMO } from '../test-support/inject.js';

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
});
