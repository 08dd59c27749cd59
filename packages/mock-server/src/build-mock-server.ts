import { createServer } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { createFastLane, type FastLane } from './fast-lane/fast-lane.js';
import { AllowedHosts } from './guard/allowed-hosts.js';
import { registerRequestGuard } from './guard/request-guard.js';
import { closeStalledWrites } from './guard/stalled-writes.js';
import { registerAccountsRoutes } from './inspect/accounts-routes.js';
import { registerControlRoutes } from './inspect/control-routes.js';
import { registerInboxRoutes } from './inspect/inbox-routes.js';
import { registerMessagesRoutes } from './inspect/messages-routes.js';
import { registerOpenApi } from './inspect/openapi.js';
import { MOCK_DEFAULTS, type MockServerOptions } from './options.js';
import { balanceEndpoint } from './routes/balance-route.js';
import { listEndpoint } from './routes/list-route.js';
import { queryEndpoint } from './routes/query-route.js';
import { registerSjroomRoute } from './routes/sjroom-route.js';
import { registerSubmitRoute } from './routes/submit-route.js';
import { MockState } from './state/mock-state.js';
import { errorAnswer, MalformedJsonError } from './wire/error-answers.js';
import { parseRequestJson } from './wire/parse-json-int64.js';

/** The Fastify instance of the mock, with its state for direct inspection in tests. */
export type MockFastifyInstance = FastifyInstance & {
  /** The server's state: accounts, channels, batches, faults, clock. */
  readonly mockState: MockState;
};

/** Paths whose values the logger always replaces, wherever a body or header might be logged. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'req.body.password',
  'body.password',
  'req.headers.authorization',
];

/** Hooks that run for a request: the fast lane would skip them. */
const REQUEST_HOOKS = new Set([
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
  'onRequestAbort',
]);

/**
 * Calls `off` when a request hook is added to the app (or a plugin of it: they inherit
 * `addHook`) after it is built: whoever adds one expects it to see every request.
 */
function offWithRequestHooks(app: FastifyInstance, off: () => void): void {
  const addHook = app.addHook;
  const watched = function (this: FastifyInstance, name: string, ...rest: unknown[]) {
    if (REQUEST_HOOKS.has(name)) off();
    return (addHook as (...args: unknown[]) => FastifyInstance).call(this, name, ...rest);
  };
  app.addHook = watched as FastifyInstance['addHook'];
}

/** A timeout option as given, or a `RangeError` naming it (0 turns the timeout off). */
function milliseconds(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new RangeError(`[${field}:must be a whole number of ms, 0 or more]`);
  return value;
}

/** Log levels at which Fastify logs each request. */
const REQUEST_LOG_LEVELS = new Set(['info', 'debug', 'trace']);

/**
 * Builds the mock server without listening: use `app.inject()` in tests, or
 * `startMockServer` to listen on a port.
 */
export function buildMockServer(options: MockServerOptions = {}): MockFastifyInstance {
  const bodyLimit = options.bodyLimit ?? MOCK_DEFAULTS.bodyLimit;
  const level = options.logLevel ?? 'silent';
  const requestTimeout = milliseconds(options.requestTimeoutMs ?? 30_000, 'requestTimeoutMs');
  const idleTimeout = milliseconds(options.idleTimeoutMs ?? 10_000, 'idleTimeoutMs');
  const state = new MockState(options);
  // The read endpoints: registered as routes, and answered by the fast lane when it may.
  const reads = {
    list: listEndpoint(state),
    balance: balanceEndpoint(),
    query: queryEndpoint(state),
  };
  let lane: FastLane | undefined;
  const app = Fastify({
    // Node checks request timeouts only every `connectionsCheckingInterval` (30 s by
    // default): check at least every second so a slow-drip body ends on time. Idle
    // connections: between requests `keepAliveTimeout` closes them; one that does not
    // send its headers within `headersTimeout` is answered 408 and closed (Node counts
    // from the connection); one whose answer stopped moving, by `closeStalledWrites`. No
    // socket timeout: it would cut a slow answer (a latency fault, a long poll of
    // `/__mock/wait`, the inbox's event stream) after `idleTimeout`, and re-arming it
    // costs every request a timer.
    serverFactory: (handler) =>
      createServer(
        {
          connectionsCheckingInterval: Math.min(1_000, requestTimeout),
          requestTimeout,
          headersTimeout: Math.min(requestTimeout, idleTimeout, 60_000),
          keepAliveTimeout: idleTimeout,
        },
        (request, response) => {
          if (lane === undefined || !lane(request, response)) handler(request, response);
        },
      ),
    bodyLimit,
    logger:
      level === 'silent'
        ? false
        : {
            level,
            redact: { paths: REDACTED_PATHS, censor: '[hidden]' },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    requestTimeout,
    keepAliveTimeout: idleTimeout,
    return503OnClosing: false,
  });
  app.server.maxConnections = options.maxConnections ?? 1024;
  const stopStalledWrites = closeStalledWrites(app.server, idleTimeout);
  app.addHook('onClose', (_app, done) => {
    stopStalledWrites();
    done();
  });
  registerRequestGuard(app, options);
  app.decorate('mockState', state);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, parseRequestJson(body as string));
    } catch {
      done(new MalformedJsonError('malformed JSON'), undefined);
    }
  });
  // Validation is done by zod inside the handlers; route schemas only describe the API.
  app.setValidatorCompiler(() => () => true);
  app.setErrorHandler(errorAnswer(bodyLimit));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  const inspection = options.inspection !== false;
  if (inspection) registerOpenApi(app);
  app.register(async (routes) => {
    registerSjroomRoute(routes, state, reads.list);
    registerSubmitRoute(routes, state, options.maxContentLength ?? MOCK_DEFAULTS.maxContentLength);
    registerSjroomRoute(routes, state, reads.query);
    registerSjroomRoute(routes, state, reads.balance);
    if (inspection) {
      registerMessagesRoutes(routes, state);
      registerAccountsRoutes(routes, state);
      registerControlRoutes(routes, state);
      registerInboxRoutes(routes);
    }
  });
  // Fastify logs every request at `info`: the lane, which does not, is off from there down.
  if (options.fastLane !== false && !REQUEST_LOG_LEVELS.has(level)) {
    lane = createFastLane({
      state,
      hosts: new AllowedHosts(options.allowedHosts ?? []),
      endpoints: Object.values(reads),
      bodyLimit,
      log: app.log,
    });
    // Closing: Fastify answers `Connection: close` and lets the server end.
    app.addHook('preClose', (done) => {
      lane = undefined;
      done();
    });
    offWithRequestHooks(app, () => {
      lane = undefined;
    });
  }
  return app as unknown as MockFastifyInstance;
}
