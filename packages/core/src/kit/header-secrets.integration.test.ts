import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../errors/authentication-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { UnexpectedResponseError } from '../errors/unexpected-response-error.js';
import { Decimal } from '../money/decimal.js';
import { defineSmsProvider } from './define-sms-provider.js';
import { deliveryReportOf } from './delivery-report-of.js';

const TOKEN = 'sk_live_/ä+"key"';

// An API that, as many real ones do, quotes the credential it refuses — as written in the
// header, as the bare token, and JSON-escaped (`\/`, `\u00e4`) in a body the provider keeps.
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const header = request.headers.authorization ?? String(request.headers['x-api-key']);
      const token = header.replace(/^Bearer /, '');
      const echoed = JSON.stringify(token)
        .replaceAll('/', '\\/')
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      response.writeHead(request.url === '/broken' ? 502 : 401, {
        'content-type': 'application/json',
      });
      const accepts = request.headers.accept ?? '';
      response.end(
        `{"error":"token ${token} is revoked (${header}; accepts ${accepts})","echo":${echoed}}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** A provider whose errors carry the answer as received: a token in it must not survive. */
const quoting = defineSmsProvider({
  name: 'quoting',
  maxPhonesPerSubmit: 10,
  settingKeys: ['baseUrl', 'headers'],
  createClient: (settings: { baseUrl: string; headers: Record<string, string> }) => settings,
  listChannels: async () => [
    {
      id: 1,
      countryCode: '63',
      operator: 'Globe',
      price: '0.0100',
      nameEn: 'Philippines',
      nameZh: 'Philippines',
      enabled: true,
    },
  ],
  async submit(client, _request, call) {
    return call.http.call({
      url: new URL('/broken', client.baseUrl),
      body: '{}',
      headers: client.headers,
      read: (answer) => {
        throw new UnexpectedResponseError('submit', answer.statusCode, 'refused', answer.text, {
          cause: new Error(`the body was ${answer.text}`),
        });
      },
    });
  },
  getDeliveryReport: async (_client, request) => deliveryReportOf(request.id, []),
  async getBalance(client, call) {
    return call.http.call({
      url: new URL('/balance', client.baseUrl),
      body: '{}',
      headers: client.headers,
      read: (answer) => {
        if (answer.statusCode === 401) throw new AuthenticationError(`refused: ${answer.text}`);
        return { amount: '0', value: Decimal.parse('0') };
      },
    });
  },
});

/** Everything of an error a log or a report could show. */
function shown(value: unknown): string {
  return `${inspect(value, { depth: 8 })} ${JSON.stringify(value)} ${String(value)}`;
}

describe('the kit masks the headers a provider passes', () => {
  it('in the error its read threw from the answer, its cause, and the onError event', async () => {
    const events: unknown[] = [];
    const sms = quoting.createTransport({
      baseUrl,
      headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
      retry: false,
      onError: (event) => events.push(event),
    });
    const error = await sms.getBalance().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    const text = `${shown(error)} ${shown(events)}`;
    expect(text).toContain('***');
    expect(text).not.toContain('sk_live');
    expect(text).not.toContain('\\u00e4');
    // Headers that name no secret stay readable.
    expect(text).toContain('application/json');
    expect(events).toHaveLength(1);
    await sms.close();
  });

  it('in the unknown-outcome error wrapping what a submit read (any header name)', async () => {
    const events: unknown[] = [];
    const sms = quoting.createTransport({
      baseUrl,
      headers: { 'x-api-key': TOKEN },
      onError: (event) => events.push(event),
    });
    const error = await sms
      .send({ to: '+639171234567', text: 'hi', channelId: 1 })
      .catch((e: unknown) => e);
    expect(SubmitOutcomeUnknownError.isInstance(error)).toBe(true);
    const text = `${shown(error)} ${shown(events)}`;
    expect(text).toContain('***');
    expect(text).not.toContain('sk_live');
    await sms.close();
  });
});
