import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { AllowedHosts } from '../guard/allowed-hosts.js';
import { answerSjroomCall, type SjroomEndpoint } from '../routes/sjroom-call.js';
import type { MockState } from '../state/mock-state.js';
import { fail } from '../wire/envelope.js';
import { INTERNAL_ERROR_ANSWER, MALFORMED_JSON_ANSWER } from '../wire/error-answers.js';
import { parseRequestJson } from '../wire/parse-json-int64.js';

/** Largest body the lane reads itself: a valid read request is far smaller (≤ 500 characters of fields). */
const LANE_BODY_LIMIT = 4096;

/** The `Content-Type` values the lane takes (lower-cased); any other goes to Fastify. */
const JSON_TYPES = new Set([
  'application/json',
  'application/json;charset=utf-8',
  'application/json; charset=utf-8',
]);

const ANSWER_TYPE = 'application/json;charset=UTF-8';

/** What the lane needs to answer like the Fastify route. */
export interface FastLaneOptions {
  readonly state: MockState;
  readonly hosts: AllowedHosts;
  /** The read endpoints the lane answers (list, balance, query). */
  readonly endpoints: readonly SjroomEndpoint<{ account: string; password: string }>[];
  readonly bodyLimit: number;
  readonly log: FastifyBaseLogger;
}

/** Answers a request itself (true), or leaves it untouched for Fastify (false). */
export type FastLane = (request: IncomingMessage, response: ServerResponse) => boolean;

/** What the lane answers with: the JSON text, and whether the connection ends after it. */
interface LaneAnswer {
  readonly text: string;
  /** Fastify ends the connection after a body its parser refused: so does the lane. */
  readonly close: boolean;
}

/**
 * The read endpoints' answer without Fastify's per-request machinery (routing, hooks,
 * content-type parsing, the reply object): what a polling client calls most. It takes
 * only what it answers exactly as the Fastify route would, with the same code
 * ({@link answerSjroomCall}): a `POST` to the exact path, an allowed `Host`, a JSON body
 * of known length that fits, and no fault rule active. Everything else (faults, other
 * methods, odd headers, chunked or large bodies) is left to Fastify, untouched; so is
 * every request once the server is closing, or once a request hook is added to the app
 * (see `build-mock-server.ts`). A conformance test sends the same requests both ways and
 * compares the answers byte for byte. A fault rule applies to the calls that arrive
 * after it is set (through Fastify, to those whose body ends after it).
 */
export function createFastLane(options: FastLaneOptions): FastLane {
  const { state, hosts, log } = options;
  const byUrl = new Map(
    options.endpoints.map((spec) => [`/api/open/int/sms/${spec.endpoint}`, spec]),
  );
  const limit = Math.min(LANE_BODY_LIMIT, options.bodyLimit);
  // Clients send the same `Host` every time: remember the last one allowed.
  let lastAllowedHost: string | undefined;
  const allowedHost = (host: string | undefined) => {
    if (host !== undefined && host === lastAllowedHost) return true;
    if (!hosts.allows(host)) return false;
    lastAllowedHost = host;
    return true;
  };
  return (request, response) => {
    if (request.method !== 'POST') return false;
    const spec = byUrl.get(request.url ?? '');
    if (spec === undefined || state.faults.active) return false;
    const { headers } = request;
    const type = headers['content-type'];
    const length = headers['content-length'];
    if (
      type === undefined ||
      (type !== 'application/json' && !JSON_TYPES.has(type.toLowerCase())) ||
      length === undefined ||
      !/^[1-9]\d{0,3}$/.test(length) ||
      Number(length) > limit ||
      headers['transfer-encoding'] !== undefined ||
      !allowedHost(headers.host)
    )
      return false;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = chunks.length === 1 ? String(chunks[0]) : Buffer.concat(chunks).toString('utf8');
      answer(response, respond(spec, text));
    });
    state.fastLaneCalls++;
    return true;
  };

  function respond(
    spec: SjroomEndpoint<{ account: string; password: string }>,
    text: string,
  ): LaneAnswer {
    let body: unknown;
    try {
      body = parseRequestJson(text);
    } catch {
      return { text: JSON.stringify(fail(...MALFORMED_JSON_ANSWER)), close: true };
    }
    try {
      return { text: answerSjroomCall(state, spec, body, log), close: false };
    } catch (error) {
      const { message, code } = error as { message?: unknown; code?: unknown };
      log.error({ err: { message, code } }, 'mock server error');
      return { text: JSON.stringify(fail(...INTERNAL_ERROR_ANSWER)), close: false };
    }
  }
}

function answer(response: ServerResponse, { text, close }: LaneAnswer): void {
  const headers: Record<string, string | number> = close ? { connection: 'close' } : {};
  headers['content-type'] = ANSWER_TYPE;
  headers['content-length'] = Buffer.byteLength(text);
  response.writeHead(200, headers);
  response.end(text);
}
