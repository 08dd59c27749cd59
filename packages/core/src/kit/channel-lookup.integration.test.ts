import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors/sms-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { useMockServer } from '../test-support/mock-server.js';

const env = useMockServer();

describe("a send's channel lookup", () => {
  it.each([
    ['its signal aborts', 'ABORTED'],
    ['its timeout passes', 'TIMEOUT'],
  ])('ends the send with nothing sent when %s, though the list is slow', async (_, code) => {
    await env.inject('PUT', '/__mock/faults', [
      { endpoint: 'list', type: 'latency', delayMs: 3000 },
    ]);
    const sms = env.transport({ retry: false });
    const controller = new AbortController();
    const options = code === 'ABORTED' ? { signal: controller.signal } : { timeout: 300 };
    setTimeout(() => controller.abort(new Error('user left')), 100);
    const started = performance.now();
    const error = await sms
      .send({ to: '+639171234567', text: 'slow list' }, options)
      .catch((e: unknown) => e);
    // The mock answers the list after 3 s; the send gave up long before.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(SmsError.isInstance(error) && error.code).toBe(code);
    if (code === 'TIMEOUT') expect(TimeoutError.isInstance(error)).toBe(true);
    await env.inject('PUT', '/__mock/faults', []);
    await sms.close();
    expect(await env.received()).toEqual([]);
  });
});
