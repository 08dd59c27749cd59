import { afterEach, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../start-mock-server.js';
import { DEMO } from '../test-support/inject.js';

let server: RunningMockServer;
afterEach(async () => {
  await server.close();
});

describe('GET /__mock/events', () => {
  it('streams each accepted message as a server-sent event, and closes with the server', async () => {
    server = await startMockServer();
    const response = await fetch(`${server.url}/__mock/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body?.getReader();
    const channel = server.state.channels.find((c) => c.countryCode === '44' && c.status === 1);
    await fetch(`${server.url}/api/open/int/sms/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...DEMO,
        goodsSupplySmsConfigId: channel?.id,
        phone: '447700900123',
        sendContent: 'live',
      }),
    });
    let text = '';
    while (!text.includes('\n\nevent: message') || !text.trimEnd().endsWith('}')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    const data = JSON.parse(text.split('data: ')[1] ?? '{}');
    expect(data).toMatchObject({ text: 'live', iso: 'GB', recipientCount: 1 });
  });
});
