// The fast lane answers list, balance and query without Fastify's per-request machinery.
// It must answer exactly as the Fastify route does: the same random requests go over TCP
// to a server with the lane and to one without, and the answers are compared byte for byte.
import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMockServer, type MockFastifyInstance } from '../build-mock-server.js';
import { faultRuleSchema } from '../faults/fault-rule.js';
import type { MockServerOptions } from '../options.js';

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly length: string | undefined;
  readonly body: string;
  readonly connection: string | undefined;
}

interface Served {
  readonly app: MockFastifyInstance;
  readonly port: number;
}

const OPTIONS: MockServerOptions = {
  receiptDelay: 0,
  accounts: [{ account: 'other', password: 'other-password', balance: '5', channels: 'none' }],
};

async function serve(fastLane: boolean): Promise<Served> {
  const app = buildMockServer({ ...OPTIONS, fastLane });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

/** Calls the lane answered so far (`GET /__mock/health`). */
async function laneCalls(served: Served): Promise<number> {
  const health = await served.app.inject({ method: 'GET', url: '/__mock/health' });
  return health.json().fastLaneCalls;
}

/** Sends raw bytes with exactly these headers (Node adds none of its own but `Host`). */
function send(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  method = 'POST',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'],
          length: response.headers['content-length'],
          body: Buffer.concat(chunks).toString('utf8'),
          connection: response.headers.connection,
        }),
      );
    });
    call.on('error', reject);
    call.end(body);
  });
}

let lane: Served;
let plain: Served;
let batchNo: string;
beforeAll(async () => {
  [lane, plain] = await Promise.all([serve(true), serve(false)]);
  // The same submit to both: the same seed gives the same batch number and receipts.
  const submit = Buffer.from(
    JSON.stringify({
      account: 'demo',
      password: 'demo-password',
      goodsSupplySmsConfigId: 10001,
      phone: '639171234565,639171234566',
      sendContent: 'hi',
    }),
  );
  const headers = { 'content-type': 'application/json', 'content-length': `${submit.length}` };
  const [a, b] = await Promise.all(
    [lane, plain].map((s) => send(s.port, '/api/open/int/sms/submit', headers, submit)),
  );
  batchNo = JSON.parse(a?.body ?? '{}').data;
  expect(b?.body).toBe(a?.body);
});
afterAll(async () => {
  await Promise.all([lane?.app.close(), plain?.app.close()]);
});

const text = fc.oneof(
  fc.constantFrom('demo', 'demo-password', 'other', 'other-password', ''),
  fc.string({ maxLength: 220 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const field = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant(12345678901234567890n).map(String),
);
const body = fc.oneof(
  // Mostly bodies a client would send, right or nearly right.
  fc
    .record(
      {
        account: field,
        password: field,
        batchNo: fc.oneof(field, fc.constant('')),
        extra: field,
      },
      { requiredKeys: [] },
    )
    .map((fields) => JSON.stringify(fields)),
  fc.constantFrom('{"account":"demo","password":"demo-password"}', '{"account":"demo"'),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ maxLength: 40 }),
  fc.constant('{"account":"demo","password":"demo-password","batchNo":12345678901234567890}'),
  fc.constant(' '.repeat(5000)),
);
const contentType = fc.constantFrom(
  'application/json',
  'Application/JSON; charset=UTF-8',
  'application/json;charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
);
const host = fc.constantFrom('127.0.0.1', 'localhost:1234', 'evil.example');

describe('the fast lane', () => {
  it('answers list, balance and query byte for byte as the Fastify route does', async () => {
    const before = await laneCalls(lane);
    let eligible = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('list', 'balance', 'query'),
        body,
        fc.boolean(),
        contentType,
        host,
        async (endpoint, raw, realBatch, type, hostHeader) => {
          const withBatch =
            endpoint === 'query' &&
            realBatch &&
            raw.startsWith('{"account":"demo","password":"demo-password"}')
              ? raw.replace(/}$/, `,"batchNo":"${batchNo}"}`)
              : raw;
          const bytes = Buffer.from(withBatch);
          const headers = {
            'content-type': type,
            'content-length': `${bytes.length}`,
            host: hostHeader,
          };
          const path = `/api/open/int/sms/${endpoint}`;
          const [fast, slow] = await Promise.all([
            send(lane.port, path, headers, bytes),
            send(plain.port, path, headers, bytes),
          ]);
          expect(fast).toEqual(slow);
          const laneTakes =
            bytes.length >= 1 &&
            bytes.length <= 4096 &&
            /^application\/json(; ?charset=utf-8)?$/i.test(type) &&
            hostHeader !== 'evil.example';
          if (laneTakes) eligible++;
        },
      ),
      { numRuns: 600, seed: 20261202 },
    );
    // The lane answered every request it could take, Fastify the rest; without it, none.
    expect((await laneCalls(lane)) - before).toBe(eligible);
    expect(await laneCalls(plain)).toBe(0);
    expect(eligible).toBeGreaterThan(150);
  });

  it('answers a valid query itself', async () => {
    const before = await laneCalls(lane);
    const bytes = Buffer.from(
      JSON.stringify({ account: 'demo', password: 'demo-password', batchNo }),
    );
    const headers = { 'content-type': 'application/json', 'content-length': `${bytes.length}` };
    const answer = await send(lane.port, '/api/open/int/sms/query', headers, bytes);
    expect(JSON.parse(answer.body)).toMatchObject({ totalNum: 2, successNum: 2 });
    expect(answer.type).toBe('application/json;charset=UTF-8');
    expect(await laneCalls(lane)).toBe(before + 1);
  });

  it('steps aside while a fault rule is active, so the fault applies', async () => {
    lane.app.mockState.faults.set([
      faultRuleSchema.parse({
        endpoint: 'balance',
        type: 'state-code',
        stateCode: '500',
        times: 1,
      }),
    ]);
    const bytes = Buffer.from('{"account":"demo","password":"demo-password"}');
    const headers = { 'content-type': 'application/json', 'content-length': `${bytes.length}` };
    const faulted = await send(lane.port, '/api/open/int/sms/balance', headers, bytes);
    expect(JSON.parse(faulted.body).stateCode).toBe('500');
    const after = await send(lane.port, '/api/open/int/sms/balance', headers, bytes);
    expect(JSON.parse(after.body).stateCode).toBe('200');
  });

  it('survives a client that hangs up mid-body', async () => {
    await new Promise<void>((resolve) => {
      const call = httpRequest({
        host: '127.0.0.1',
        port: lane.port,
        path: '/api/open/int/sms/balance',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '100' },
      });
      call.on('error', () => resolve());
      call.write('{"account":');
      setTimeout(() => {
        call.destroy();
        resolve();
      }, 50);
    });
    const bytes = Buffer.from('{"account":"demo","password":"demo-password"}');
    const headers = { 'content-type': 'application/json', 'content-length': `${bytes.length}` };
    const answer = await send(lane.port, '/api/open/int/sms/balance', headers, bytes);
    expect(JSON.parse(answer.body).stateCode).toBe('200');
  });

  it('ends the connection after a malformed body, as Fastify does (a pipelined call is dropped)', async () => {
    const bad = '{"account":"demo"';
    const good = '{"account":"demo","password":"demo-password"}';
    const call = (body: string) =>
      `POST /api/open/int/sms/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    for (const served of [lane, plain]) {
      const text = await new Promise<string>((resolve) => {
        let received = '';
        const socket = connect(served.port, '127.0.0.1', () =>
          socket.write(call(bad) + call(good)),
        );
        socket.on('data', (data) => {
          received += data;
        });
        socket.on('close', () => resolve(received));
      });
      expect(text.match(/HTTP\/1\.1 200/g)).toHaveLength(1);
      expect(text).toContain('[body:malformed JSON]');
      expect(text.toLowerCase()).toContain('connection: close');
    }
  });

  it('steps aside once the server is closing, so a polling keep-alive client lets it close', async () => {
    const app = buildMockServer(OPTIONS);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const body = '{"account":"demo","password":"demo-password"}';
    const head = `POST /api/open/int/sms/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let ended = false;
    socket.on('data', (data) => {
      received += data;
    });
    socket.on('close', () => {
      ended = true;
    });
    socket.on('error', () => {});
    // A call mid-body when the close begins, then one every 50 ms on the same connection.
    socket.write(head + body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const closed = app.close().then(() => Date.now() - started);
    socket.write(body.slice(10));
    const poller = setInterval(() => {
      if (!ended) socket.write(head + body);
    }, 50);
    const took = await Promise.race([
      closed,
      new Promise<number>((resolve) => setTimeout(() => resolve(Number.POSITIVE_INFINITY), 3_000)),
    ]);
    clearInterval(poller);
    socket.destroy();
    await closed;
    expect(took).toBeLessThan(3_000);
    expect(received).toContain('HTTP/1.1 200');
  });

  it('steps aside once a request hook is added to the app, so the hook sees every request', async () => {
    const app = buildMockServer(OPTIONS);
    app.addHook('onSend', async (_request, reply) => {
      reply.header('x-seen', 'yes');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const served = { app, port: (app.server.address() as AddressInfo).port };
      const bytes = Buffer.from('{"account":"demo","password":"demo-password"}');
      const headers = { 'content-type': 'application/json', 'content-length': `${bytes.length}` };
      const answers = await new Promise<string | undefined>((resolve, reject) => {
        const call = httpRequest(
          {
            host: '127.0.0.1',
            port: served.port,
            path: '/api/open/int/sms/balance',
            method: 'POST',
            headers,
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.headers['x-seen'] as string | undefined));
          },
        );
        call.on('error', reject);
        call.end(bytes);
      });
      expect(answers).toBe('yes');
      expect(await laneCalls(served)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('is off at log levels that log each request', async () => {
    const lines: string[] = [];
    const app = buildMockServer({
      logLevel: 'info',
      logStream: { write: (line) => lines.push(line) },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const bytes = Buffer.from('{"account":"demo","password":"demo-password"}');
      const headers = { 'content-type': 'application/json', 'content-length': `${bytes.length}` };
      const port = (app.server.address() as AddressInfo).port;
      await send(port, '/api/open/int/sms/balance', headers, bytes);
      expect(lines.some((line) => line.includes('/api/open/int/sms/balance'))).toBe(true);
      expect(lines.join('')).not.toContain('demo-password');
    } finally {
      await app.close();
    }
  });
});
