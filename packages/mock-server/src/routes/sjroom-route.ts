import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { Endpoint, FaultRule } from '../faults/fault-rule.js';
import type { MockAccount } from '../state/accounts.js';
import type { MockState } from '../state/mock-state.js';
import { EnvelopeError, fail, stringifyWithInt64 } from '../wire/envelope.js';
import { validateRequest } from '../wire/request-schemas.js';

/** What an endpoint handler gets: the validated body and the authenticated account. */
export interface EndpointContext<I> {
  readonly input: I;
  readonly account: MockAccount;
  readonly request: FastifyRequest;
}

/** An endpoint handler returns the success payload (bare or envelope); it throws `EnvelopeError` to fail. */
export type EndpointHandler<I> = (context: EndpointContext<I>) => unknown;

/**
 * Registers `POST /api/open/int/sms/<endpoint>` with the sjroom conventions: HTTP 200
 * and a failure envelope for every business error, faults applied before or after
 * processing, other methods answered with `400` as the Spring service does.
 */
export function registerSjroomRoute<I extends { account: string; password: string }>(
  app: FastifyInstance,
  state: MockState,
  endpoint: Endpoint,
  schema: z.ZodType<I>,
  handler: EndpointHandler<I>,
): void {
  const url = `/api/open/int/sms/${endpoint}`;
  app.post(
    url,
    {
      schema: {
        tags: ['sjroom'],
        operationId: endpoint,
        body: z.toJSONSchema(schema, { unrepresentable: 'any' }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const accountName = accountOf(body);
      const { delayMs, fault } = state.faults.decide(endpoint, accountName);
      if (delayMs > 0) await sleep(delayMs);
      if (fault && applyFaultBeforeProcessing(fault, request, reply)) return reply;
      let payload: unknown;
      try {
        const input = validateRequest(schema, body);
        const account = state.authenticate(input.account, input.password);
        if (!account) throw new EnvelopeError('401', '[account:wrong account or password]');
        payload = handler({ input, account, request });
      } catch (error) {
        if (!(error instanceof EnvelopeError)) throw error;
        payload = fail(error.stateCode, error.message);
      }
      const text = stringifyWithInt64(payload);
      if (fault && applyFaultAfterProcessing(fault, text, request, reply)) return reply;
      return reply.type('application/json;charset=UTF-8').send(text);
    },
  );
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url,
    schema: { hide: true },
    handler: async (request, reply) =>
      reply
        .type('application/json;charset=UTF-8')
        .send(fail('400', `[method:${request.method} is not supported; use POST]`)),
  });
}

function accountOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const account = (body as { account?: unknown }).account;
  return typeof account === 'string' ? account : undefined;
}

/** Applies a fault that replaces processing; true when the request is answered (or dropped). */
function applyFaultBeforeProcessing(
  fault: FaultRule,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  switch (fault.type) {
    case 'state-code':
      reply
        .type('application/json;charset=UTF-8')
        .send(fail(fault.stateCode ?? '500', fault.stateMsg ?? 'injected fault'));
      return true;
    case 'rate-limit':
      reply
        .header('retry-after', '1')
        .type('application/json;charset=UTF-8')
        .send(fail('429', '[rate:too many requests]'));
      return true;
    case 'http-status':
      reply
        .code(fault.status ?? 502)
        .type('text/html')
        .send(
          `<html><body><h1>${fault.status ?? 502} injected by intl-sms-mock</h1></body></html>`,
        );
      return true;
    case 'drop':
      reply.hijack();
      request.raw.socket.destroy();
      return true;
    default:
      return false;
  }
}

/** Applies a fault that damages the answer of a processed request; true when it did. */
function applyFaultAfterProcessing(
  fault: FaultRule,
  text: string,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  switch (fault.type) {
    case 'reset':
      reply.hijack();
      request.raw.socket.resetAndDestroy?.() ?? request.raw.socket.destroy();
      return true;
    case 'truncate':
      reply.type('application/json;charset=UTF-8').send(text.slice(0, Math.floor(text.length / 2)));
      return true;
    case 'non-json':
      reply
        .type('text/html')
        .send('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>');
      return true;
    default:
      return false;
  }
}
