import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next `POST /v1/messages` misbehaves. */
export type AcmeFault = 'reset-after-processing' | 'status-500-after-processing' | 'status-429';

/** A tiny Acme API on a free loopback port, for the template's tests. */
export interface AcmeServer {
  readonly url: string;
  /** Every number sent, once per time it was sent. */
  readonly sent: string[];
  /** Makes the next messages call misbehave. */
  fault(fault: AcmeFault): void;
  close(): Promise<void>;
}

const ROUTES = [
  { id: 'r-ph', country: 'PH', prefix: '63', operator: 'Globe', price: '0.0100', active: true },
  { id: 'r-gb', country: 'GB', prefix: '44', operator: 'EE', price: '0.0200', active: true },
  { id: 'r-sg', country: 'SG', prefix: '65', operator: 'Singtel', price: '0.0300', active: false },
];

/** Starts the server with token `t0ken` and a credit of 10.0000. */
export async function startAcmeServer(): Promise<AcmeServer> {
  const sent: string[] = [];
  const batches = new Map<string, string[]>();
  const faults: AcmeFault[] = [];
  let credit = 100_000n; // units of 0.0001
  let sequence = 0;

  const handle = (path: string, input: Record<string, unknown>, res: ServerResponse) => {
    if (path === '/v1/routes')
      return json(res, 200, { routes: ROUTES.map(({ prefix: _p, ...r }) => r) });
    if (path === '/v1/balance') return json(res, 200, { credit: format(credit) });
    if (path === '/v1/receipts') {
      const phones = batches.get(String(input.batch));
      if (!phones) return json(res, 404, { error: 'no such batch' });
      return json(res, 200, { results: phones.map((to) => ({ to, state: 'delivered' })) });
    }
    if (path !== '/v1/messages') return json(res, 404, { error: 'no such path' });
    const fault = faults.shift();
    if (fault === 'status-429') return json(res, 429, { error: 'slow down' });
    const route = ROUTES.find((r) => r.id === input.route);
    if (!route?.active) return json(res, 409, { error: 'route closed' });
    const to = Array.isArray(input.to) ? input.to.map(String) : [];
    if (to.length === 0 || typeof input.body !== 'string' || input.body === '')
      return json(res, 400, {
        error: 'to and body are required',
        field: to.length ? 'body' : 'to',
      });
    if (!to.every((phone) => phone.startsWith(route.prefix)))
      return json(res, 400, { error: 'a number is not in the route country', field: 'to' });
    const cost = BigInt(to.length) * BigInt(route.price.replace('.', ''));
    if (cost > credit) return json(res, 402, { error: 'not enough credit' });
    credit -= cost;
    const batch = `acme-${++sequence}`;
    batches.set(batch, to);
    sent.push(...to);
    if (fault === 'reset-after-processing') return res.socket?.destroy();
    if (fault === 'status-500-after-processing') return json(res, 500, { error: 'oops' });
    return json(res, 201, { batch });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      // Like many real APIs, it quotes the token it refuses: the kit must keep it out of errors.
      if (req.headers.authorization !== 'Bearer t0ken')
        return json(res, 401, {
          error: `token ${String(req.headers.authorization).replace(/^Bearer /, '')} is not valid`,
        });
      let input: Record<string, unknown> = {};
      try {
        input = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
      } catch {
        return json(res, 400, { error: 'not JSON', field: 'body' });
      }
      handle(new URL(req.url ?? '/', 'http://x').pathname, input, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    fault: (fault) => faults.push(fault),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function format(units: bigint): string {
  const text = units.toString().padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}
