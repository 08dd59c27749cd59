import { buildMockServer, type MockFastifyInstance } from '../build-mock-server.js';
import type { MockServerOptions } from '../options.js';

export const DEMO = { account: 'demo', password: 'demo-password' } as const;

/** A mock server for `inject()` tests, with helpers that post to the sjroom endpoints. */
export function injectServer(options: MockServerOptions = {}) {
  const app: MockFastifyInstance = buildMockServer(options);
  const post = async (endpoint: string, payload: unknown) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/open/int/sms/${endpoint}`,
      payload: payload as object,
    });
    return { status: response.statusCode, body: response.json() };
  };
  const enabledChannel = (countryCode: string) => {
    const channel = app.mockState.channels.find(
      (c) => c.countryCode === countryCode && c.status === 1,
    );
    if (!channel) throw new Error(`no enabled channel for ${countryCode}`);
    return channel;
  };
  const submit = (fields: Record<string, unknown>) => {
    const channel = enabledChannel('63');
    return post('submit', {
      ...DEMO,
      goodsSupplySmsConfigId: Number(channel.id),
      phone: '639171234567',
      sendContent: 'hello',
      ...fields,
    });
  };
  return { app, post, submit, enabledChannel };
}
