import { describe, expect, it } from 'vitest';
import { buildMockServer } from './build-mock-server.js';

describe('logging', () => {
  it('logs requests and submits but never a password, even at trace level', async () => {
    const lines: string[] = [];
    const secret = 'log-canary-P4ssw0rd';
    const app = buildMockServer({
      logLevel: 'trace',
      logStream: { write: (line: string) => lines.push(line) },
      accounts: [{ account: 'canary', password: secret, balance: 10 }],
    });
    const channel = app.mockState.channels.find((c) => c.countryCode === '63' && c.status === 1);
    const bodies = [
      { account: 'canary', password: secret },
      {
        account: 'canary',
        password: secret,
        goodsSupplySmsConfigId: channel?.id,
        phone: '639171234567',
        sendContent: 'x',
      },
      { account: 'canary', password: `${secret}-wrong` },
      { account: 'canary', password: secret, unknown: 1 },
    ];
    for (const [i, payload] of bodies.entries()) {
      await app.inject({
        method: 'POST',
        url: `/api/open/int/sms/${i === 1 ? 'submit' : 'balance'}`,
        payload,
      });
    }
    await app.inject({
      method: 'POST',
      url: '/api/open/int/sms/balance',
      headers: { 'content-type': 'application/json' },
      payload: `{"account":"canary","password":"${secret}"`,
    });
    await app.inject({ method: 'PUT', url: '/__mock/accounts/x', payload: { password: secret } });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('submit accepted');
    expect(log).toContain('incoming request');
    expect(log).not.toContain(secret);
  });
});
