import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { createTransport, smsTransport } from '@intl-sms/adapter-nodemailer-style';
import { createSmsNotifier } from '@intl-sms/adapter-notifications';
import { createNotifmeSmsProvider } from '@intl-sms/adapter-notifications/notifme';
import {
  createSjroomTransport,
  defineSmsProvider,
  deliveryReportOf,
  UnexpectedResponseError,
} from '@intl-sms/core';
import { startMockServer } from '@intl-sms/mock-server';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from './support/figures.js';

const ACCOUNT = 'canary-acct-Q7m2';
const PASSWORD = 'canary-pass-X9k4Lw';
const CLI = join(
  dirname(createRequire(import.meta.url).resolve('@intl-sms/cli/package.json')),
  'bin',
  'intl-sms.js',
);

/** Everything text-like reachable from a value: inspect output, JSON, messages, cause chains. */
function surfaces(value: unknown): string {
  const parts = [inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  for (let current = value, depth = 0; current && depth < 10; depth++) {
    if (!(current instanceof Error)) break;
    parts.push(current.message, current.stack ?? '', JSON.stringify(current));
    current = current.cause;
  }
  return parts.join('\n');
}

let mock: Awaited<ReturnType<typeof startMockServer>>;
const mockLog: string[] = [];
const seen: string[] = [];
let surfacesChecked = 0;

function check(label: string, text: string): void {
  surfacesChecked++;
  seen.push(`${label}: ${text.length} chars`);
  expect(text, label).not.toContain(PASSWORD);
}

beforeAll(async () => {
  mock = await startMockServer({
    receiptDelay: 0,
    accounts: [{ account: ACCOUNT, password: PASSWORD, balance: '0.0500' }],
    logLevel: 'trace',
    logStream: { write: (line: string) => mockLog.push(line) },
  });
});
afterAll(async () => {
  recordFigures('secrets', { surfacesChecked, canaryHits: 0 });
  await mock.close();
});

const settings = () => ({
  account: ACCOUNT,
  password: PASSWORD,
  baseUrl: mock.url,
  retry: false as const,
});
const wrong = () => ({ ...settings(), password: `${PASSWORD}-wrong` });

describe('the canary password appears nowhere', () => {
  it('core: errors, inspect, and debug logs through pino', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const sms = createSjroomTransport({
      ...settings(),
      logger: { warn: (m) => logger.warn(m), debug: (o, m) => logger.debug(o, m) },
    });
    const bad = createSjroomTransport({
      ...wrong(),
      logger: { warn: (m) => logger.warn(m), debug: (o, m) => logger.debug(o, m) },
    });
    const errors = await Promise.all([
      bad.getBalance().catch((e: unknown) => e),
      sms.send({ to: '+639171234567', text: 'x'.repeat(1000) }).catch((e: unknown) => e),
      sms.getDeliveryReport('missing').catch((e: unknown) => e),
    ]);
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    for (const error of errors) check('core error', surfaces(error));
    check('core transport', inspect(sms, { depth: 10, showHidden: true }) + JSON.stringify(sms));
    check('pino log', lines.join(''));
    expect(lines.length).toBeGreaterThan(3);
    await Promise.all([sms.close(), bad.close()]);
  });

  it('nodemailer adapter: errors from the plugin and the standalone API', async () => {
    const viaNodemailer = nodemailer.createTransport(smsTransport(wrong()));
    const standalone = createTransport(wrong());
    const errors = await Promise.all([
      viaNodemailer.sendMail({ to: '+639171234567', text: 'x' }).catch((e: unknown) => e),
      viaNodemailer.verify().catch((e: unknown) => e),
      standalone.sendMail({ to: '+639171234567', text: 'x' }).catch((e: unknown) => e),
    ]);
    expect(errors.map((e) => (e as { code: string }).code)).toEqual(['EAUTH', 'EAUTH', 'EAUTH']);
    for (const error of errors) check('nodemailer adapter error', surfaces(error));
    viaNodemailer.close();
    await standalone.close();
  });

  it('notifications adapters: notifier errors and notifme results', async () => {
    const notifier = createSmsNotifier(wrong());
    check(
      'notifier error',
      surfaces(await notifier.notify({ to: '+639171234567', text: 'x' }).catch((e: unknown) => e)),
    );
    const provider = createNotifmeSmsProvider(wrong());
    check(
      'notifme provider error',
      surfaces(
        await provider.send({ from: 'a', to: '+639171234567', text: 'x' }).catch((e: unknown) => e),
      ),
    );
    await notifier.close();
  });

  it('CLI: --verbose and --json output, success and failure', async () => {
    const run = (args: string[]) =>
      cliOutput([...args, '--base-url', mock.url, '--account', ACCOUNT]);
    const outputs = await Promise.all([
      run(['balance', '--verbose', '--password', PASSWORD]),
      run(['balance', '--verbose', '--json', '--password', `${PASSWORD}-wrong`]),
      run([
        'send',
        '--to',
        '+639171234567',
        '--text',
        'x',
        '--yes',
        '--verbose',
        '--json',
        '--password',
        PASSWORD,
      ]),
    ]);
    expect(outputs[0]).toMatch(/← balance HTTP 200[\s\S]*\d+\.\d{4}/);
    for (const output of outputs) check('CLI output', output);
  });

  it('mock server: its logs, its inspection API and its web inbox', async () => {
    const pages = await Promise.all(
      [
        '/__mock/messages',
        `/__mock/accounts/${ACCOUNT}`,
        '/__mock/accounts',
        '/__mock/health',
        '/openapi.json',
        '/',
        '/__mock/ui',
      ].map(async (url) => (await mock.app.inject({ method: 'GET', url })).body),
    );
    for (const page of pages) check('inspection API', page);
    check('mock log', mockLog.join(''));
    expect(mockLog.length).toBeGreaterThan(5);
  });
});

/**
 * A hostile provider: it echoes the request body back in the shapes gateways, WAFs and
 * error handlers use (escaped for JSON, JSON in JSON, HTML, forms; cut short; not JSON at
 * all, so the parser's own error would quote it) and fills its messages with terminal
 * escape sequences. Each answer takes the shape at the head of `next`.
 */
const HOSTILE_PASSWORD = 'K7mQ2v "é" & <x> +/=\\';
const HOSTILE_ACCOUNT = 'acct Hn4R&é';
/** What every escaped form of the hostile secrets still contains. */
const HOSTILE_CORES = ['K7mQ2v', 'Hn4R'];
/** Anything a terminal would obey: control characters (C0 but newline, DEL, C1), bidi controls. */
const OBEYED = /(?!\n)[\p{Cc}\p{Bidi_Control}]/u;
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e';

type Shape = (raw: string) => { status: number; body: string };
const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const SHAPES: Record<string, Shape> = {
  'form echo, not JSON': (raw) => {
    const { account, password } = JSON.parse(raw);
    return { status: 200, body: new URLSearchParams({ account, password }).toString() };
  },
  'JSON echo with trailing text': (raw) => ({ status: 200, body: `${raw} <- your request` }),
  'JSON in JSON in an error envelope': (raw) => ({
    status: 200,
    body: JSON.stringify({
      stateCode: '500',
      stateMsg: `[body:${JSON.stringify(raw)}]${ESCAPES}`,
      data: null,
    }),
  }),
  'HTML error page': (raw) => ({ status: 403, body: `<html><pre>${html(raw)}</pre></html>` }),
  'ASCII-only JSON, unterminated': (raw) => ({
    status: 200,
    body: `{"echo":"${JSON.stringify(raw)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`,
  }),
  'PHP JSON (\\/ and \\u00e9), values only': (raw) => {
    const { account, password } = JSON.parse(raw);
    const php = (text: string) =>
      JSON.stringify(text)
        .replaceAll('/', '\\/')
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return { status: 400, body: `{"user":${php(account)},"pw":${php(password)}}` };
  },
  'PHP urlencode, values only': (raw) => {
    const { account, password } = JSON.parse(raw);
    const urlencode = (text: string) =>
      encodeURIComponent(text)
        .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replaceAll('%20', '+');
    return { status: 400, body: `user=${urlencode(account)}&pw=${urlencode(password)}` };
  },
  'body cut in the password': (raw) => ({
    status: 200,
    // Cut after the password's first characters: no literal form of it is left to match.
    body: raw.slice(0, raw.indexOf('K7mQ2v') + 8),
  }),
};

async function hostileProvider(): Promise<{ url: string; next: string[]; server: Server }> {
  const next: string[] = [];
  const read = async (request: IncomingMessage) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    return raw;
  };
  const server = createServer(async (request, response) => {
    const sent = await read(request);
    // A token in a header (a kit provider's) is echoed as if it were the body's password.
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    const raw =
      token === undefined ? sent : JSON.stringify({ account: 'kit-user', password: token });
    const shape = SHAPES[next.shift() ?? 'form echo, not JSON'] as Shape;
    const { status, body } = shape(raw);
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, next, server };
}

/**
 * A provider built with the kit that sends its token in a header and, as a naive one
 * would, puts the whole answer it cannot read into its error and the error's cause.
 */
const bearerProvider = defineSmsProvider({
  name: 'bearer-canary',
  maxPhonesPerSubmit: 10,
  settingKeys: ['baseUrl', 'token'],
  createClient: (settings: { baseUrl: string; token: string }) => ({
    url: new URL('/balance', settings.baseUrl),
    headers: { authorization: `Bearer ${settings.token}` },
  }),
  listChannels: async () => [],
  submit: async () => {
    throw new Error('not used');
  },
  getDeliveryReport: async (_client, request) => deliveryReportOf(request.id, []),
  getBalance: (client, call) =>
    call.http.call({
      url: client.url,
      body: '{}',
      headers: client.headers,
      read: (answer) => {
        throw new UnexpectedResponseError('balance', answer.statusCode, 'no balance', answer.text, {
          cause: new Error(`could not read ${answer.text}`),
        });
      },
    }),
});

function checkHostile(label: string, text: string): void {
  surfacesChecked++;
  seen.push(`${label}: ${text.length} chars`);
  for (const core of HOSTILE_CORES) expect(text, label).not.toContain(core);
}

describe('a hostile provider echoing the secrets escaped, unparsable, with escape sequences', () => {
  let provider: Awaited<ReturnType<typeof hostileProvider>>;
  beforeAll(async () => {
    provider = await hostileProvider();
  });
  afterAll(async () => {
    await new Promise((resolve) => provider.server.close(resolve));
  });

  it.each(Object.keys(SHAPES))('core: %s', async (shape) => {
    const sms = createSjroomTransport({
      account: HOSTILE_ACCOUNT,
      password: HOSTILE_PASSWORD,
      baseUrl: provider.url,
      retry: false,
    });
    provider.next.push(shape);
    const error = await sms.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    checkHostile(`core error (${shape})`, surfaces(error));
    await sms.close();
  });

  it('core: a 1–2 character account and password echoed in the body', async () => {
    const sms = createSjroomTransport({
      account: 'Qj',
      password: 'W7',
      baseUrl: provider.url,
      retry: false,
    });
    for (const shape of [
      'JSON echo with trailing text',
      'form echo, not JSON',
      'HTML error page',
    ]) {
      provider.next.push(shape);
      const text = surfaces(await sms.getBalance().catch((e: unknown) => e));
      surfacesChecked++;
      expect(text, shape).not.toMatch(/Qj|W7/);
    }
    await sms.close();
  });

  // A kit provider sees the answer as text; the kit masks whole header values in every
  // escaped form, but cannot know that a cut echo or the sjroom envelope's third level of
  // escaping holds one: those two shapes are sjroom's to read (above).
  const kitShapes = Object.keys(SHAPES).filter(
    (shape) =>
      shape !== 'body cut in the password' && shape !== 'JSON in JSON in an error envelope',
  );
  it.each(kitShapes)('kit provider, token in a header: %s', async (shape) => {
    const events: unknown[] = [];
    const sms = bearerProvider.createTransport({
      baseUrl: provider.url,
      token: HOSTILE_PASSWORD,
      retry: false,
      onError: (event) => events.push(event),
    });
    provider.next.push(shape);
    const error = await sms.getBalance().catch((e: unknown) => e);
    expect(UnexpectedResponseError.isInstance(error)).toBe(true);
    checkHostile(`kit error and onError (${shape})`, `${surfaces(error)}\n${inspect(events)}`);
    await sms.close();
  });

  it.each(Object.keys(SHAPES))('CLI terminal output: %s', async (shape) => {
    provider.next.push(shape);
    const output = await cliOutput(
      ['balance', '--base-url', provider.url, '--account', HOSTILE_ACCOUNT, '--password-stdin'],
      HOSTILE_PASSWORD,
    );
    expect(output).toMatch(/^intl-sms: /m);
    checkHostile(`CLI output (${shape})`, output);
    expect(output, 'a control character reached the terminal').not.toMatch(OBEYED);
  });
});

/** Runs the CLI with `args` (and `input` on stdin) in a bare environment; resolves with stdout and stderr together. */
function cliOutput(args: string[], input = ''): Promise<string> {
  return new Promise<string>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH } });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.once('close', () => resolve(out));
    child.stdin.end(input);
  });
}
