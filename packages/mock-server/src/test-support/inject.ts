import { buildMockServer, type MockFastifyInstance } from '../build-mock-server.js';
import type { FaultRuleInput } from '../faults/fault-rule.js';
import type { ListedFaultRule } from '../faults/fault-set.js';
import type { MockServerOptions } from '../options.js';

export const DEMO = { account: 'demo', password: 'demo-password' } as const;

/** Every change to the mock must say it is JSON, even without a body (see the request guard). */
export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

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
  /** `PUT /__mock/faults`: the status and the answer (the listed rules, or `{ error }`). */
  const putFaults = async (payload: unknown) => {
    const response = await app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: payload as object,
    });
    return { status: response.statusCode, body: response.json() };
  };
  /** Sets fault rules, failing the test if the mock refuses them. */
  const setFaults = async (rules: readonly FaultRuleInput[]) => {
    const { status, body } = await putFaults(rules);
    if (status !== 200) throw new Error(`PUT /__mock/faults answered ${status}: ${body.error}`);
  };
  /** The rules `GET /__mock/faults` lists, with their counters. */
  const listFaults = async (): Promise<ListedFaultRule[]> =>
    (await app.inject({ method: 'GET', url: '/__mock/faults' })).json().rules;
  return { app, post, submit, enabledChannel, putFaults, setFaults, listFaults };
}
