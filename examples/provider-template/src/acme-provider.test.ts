import { inspect } from 'node:util';
import { AuthenticationError, SubmitOutcomeUnknownError } from '@intl-sms/core';
import { testSmsTransport } from '@intl-sms/core/testing/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeProvider } from './acme-provider.js';
import { type AcmeServer, startAcmeServer } from './acme-server.js';

// The conformance suite every SmsTransport passes: the Acme provider gets the full
// feature set from the kit.
testSmsTransport({
  name: 'Acme (a provider defined outside core)',
  async create() {
    const server = await startAcmeServer();
    return {
      transport: acmeProvider.createTransport({ token: 't0ken', baseUrl: server.url }),
      cleanup: () => server.close(),
    };
  },
});

describe('the kit’s rules hold for a provider it does not know', () => {
  let server: AcmeServer;
  beforeAll(async () => {
    server = await startAcmeServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const transport = () =>
    acmeProvider.createTransport({
      token: 't0ken',
      baseUrl: server.url,
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
    });

  it.each([
    ['a connection reset', 'reset-after-processing'],
    ['an HTTP 500', 'status-500-after-processing'],
  ] as const)(
    'never repeats its send (called "messages") after %s once it may have left',
    async (_, fault) => {
      const sms = transport();
      server.fault(fault);
      const before = server.sent.length;
      const error = await sms.send({ to: '+639171234567', text: 'once' }).catch((e: unknown) => e);
      expect(SubmitOutcomeUnknownError.isInstance(error)).toBe(true);
      expect(server.sent.length - before).toBe(1);
      await sms.close();
    },
  );

  it('repeats a refused ("429") send, which provably sent nothing', async () => {
    const sms = transport();
    server.fault('status-429');
    const result = await sms.send({ to: '+639171234568', text: 'after a 429' });
    expect(result.accepted).toEqual(['639171234568']);
    await sms.close();
  });

  it('keeps the token out of errors, inspect and JSON', async () => {
    const sms = acmeProvider.createTransport({ token: 't0ken', baseUrl: `${server.url}/wrong` });
    const error = await sms.getBalance().catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('t0ken');
    expect(String(sms) + JSON.stringify(sms)).not.toContain('t0ken');
    const client = sms.client;
    const shown = `${inspect(client, { depth: 5 })} ${JSON.stringify(client)} ${String(client)}`;
    expect(shown).toContain(new URL(server.url).origin);
    expect(shown).not.toContain('t0ken');
    await sms.close();
  });

  it('keeps a refused token the API quotes out of the error and the onError event', async () => {
    const events: unknown[] = [];
    const sms = acmeProvider.createTransport({
      token: 'sk_live_wrong',
      baseUrl: server.url,
      onError: (event) => events.push(event),
    });
    const error = await sms.getBalance().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('Acme refused the token: token *** is not valid');
    const shown = `${inspect(error, { depth: 8 })} ${inspect(events, { depth: 8 })}`;
    expect(shown).not.toContain('sk_live_wrong');
    await sms.close();
  });
});
