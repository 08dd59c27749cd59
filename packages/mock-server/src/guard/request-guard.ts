import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../wire/envelope.js';
import { AllowedHosts, hostName } from './allowed-hosts.js';

/** What the guard checks; see `MockServerOptions.token` and `allowedHosts`. */
export interface GuardOptions {
  readonly token?: string | undefined;
  readonly allowedHosts?: readonly string[] | undefined;
}

/** The realm a browser shows when it asks for the token. */
const REALM = 'Basic realm="intl-sms mock", charset="UTF-8"';

/**
 * Checks every request before anything else runs (before its body is even read):
 *
 * 1. `Host` must be allowed (see {@link AllowedHosts}): a DNS-rebinding page is refused.
 * 2. With a token, everything but the four sjroom endpoints (which have their own account
 *    and password) needs it: the inspection and control API, the inbox, the API docs.
 * 3. A request that changes the mock (any method but GET and HEAD under `/__mock/`) must
 *    say `Content-Type: application/json`, body or not. A cross-site page can send a form
 *    or a `text/plain` POST without asking, but `application/json` makes the browser ask
 *    first (a CORS preflight), and the mock never says yes.
 */
export function registerRequestGuard(app: FastifyInstance, options: GuardOptions): void {
  checkToken(options.token);
  const hosts = new AllowedHosts(options.allowedHosts ?? []);
  const token = options.token === undefined ? undefined : digest(options.token);
  app.addHook('onRequest', async (request, reply) => {
    // The route that matched, not the raw URL: `/api/../__mock/x` must not pass as an API call.
    const path = request.routeOptions.url ?? request.url.split('?', 1)[0] ?? '';
    const api = path.startsWith('/api/');
    if (!hosts.allows(request.headers.host)) return refuseHost(request, reply, api);
    if (api) return;
    if (token && !presentsToken(request.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', REALM).send({
        error:
          '[Authorization:this mock needs its token: Authorization: Bearer <token>, or HTTP Basic with any user name and the token as password]',
      });
    }
    if (
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      path.startsWith('/__mock/') &&
      mediaType(request.headers['content-type']) !== 'application/json'
    ) {
      return reply.code(400).send({ error: '[Content-Type:must be application/json]' });
    }
  });
}

/** Whether a token fits an HTTP header and a browser's password box: 1–1024 visible ASCII characters. */
export function isValidToken(token: string): boolean {
  return /^[\x21-\x7e]{1,1024}$/.test(token);
}

function checkToken(token: string | undefined): void {
  if (token !== undefined && !isValidToken(token))
    throw new RangeError('token must be 1 to 1024 visible ASCII characters (no spaces)');
}

function refuseHost(request: FastifyRequest, reply: FastifyReply, api: boolean) {
  const name = (hostName(request.headers.host) ?? String(request.headers.host ?? '')).slice(0, 100);
  const message = `[Host:${name || '(none)'} is not allowed: this mock answers loopback names, IP addresses and the hosts given with --allowed-host]`;
  // The sjroom paths answer every failure as the Spring service would: HTTP 200, an envelope.
  if (api) return reply.code(200).type('application/json;charset=UTF-8').send(fail('400', message));
  return reply.code(403).send({ error: message });
}

/** Whether an `Authorization` header carries the token: `Bearer <token>`, or Basic `<any>:<token>`. */
function presentsToken(header: string | undefined, token: Buffer): boolean {
  const [scheme, value] = (header ?? '').trim().split(/\s+/, 2);
  if (!scheme || !value) return false;
  let presented: string | undefined;
  if (scheme.toLowerCase() === 'bearer') presented = value;
  else if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    presented = colon === -1 ? undefined : decoded.slice(colon + 1);
  }
  return presented !== undefined && timingSafeEqual(digest(presented), token);
}

/** Hashes make the comparison constant-time whatever the lengths. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}
