import { MockAgent } from 'undici';
import { SjroomClient } from '../providers/sjroom/sjroom-client.js';
import type { SjroomClientSettings } from '../providers/sjroom/sjroom-client-settings.js';

export const TEST_ORIGIN = 'https://api.sjroom.test';

/** A client wired to an undici MockAgent that refuses real network access. */
export function mockedClient(settings: Partial<SjroomClientSettings> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(TEST_ORIGIN);
  const client = new SjroomClient({
    account: 'acct',
    password: 'pw-secret',
    baseUrl: TEST_ORIGIN,
    dispatcher: agent,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    ...settings,
  });
  const intercept = (endpoint: string) =>
    pool.intercept({ path: `/api/open/int/sms/${endpoint}`, method: 'POST' });
  return { agent, pool, client, intercept };
}

/** An error with a Node-style `code`, as undici throws for socket failures. */
export function socketError(code: string): Error {
  return Object.assign(new Error(`socket failure ${code}`), { code });
}
