import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { applyFaultAfterProcessing, applyFaultBeforeProcessing } from '../faults/fault-answers.js';
import { FaultCall } from '../faults/fault-call.js';
import type { Endpoint } from '../faults/fault-rule.js';
import type { MockAccount } from '../state/accounts.js';
import type { MockState } from '../state/mock-state.js';
import { EnvelopeError, fail, stringifyWithInt64 } from '../wire/envelope.js';
import { validateRequest } from '../wire/request-schemas.js';

const NO_FAULT = { delayMs: 0, fault: undefined } as const;

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
  /** A hand check that returns the body when it is plainly valid (zod decides otherwise). */
  plain?: (body: unknown) => I | undefined,
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
      const { delayMs, fault } = state.faults.active
        ? state.faults.decide(new FaultCall(endpoint, body, state.channelById))
        : NO_FAULT;
      if (delayMs > 0) {
        // A delayed call still takes effect when its client has given up: count it as
        // pending so tests can wait until every call has landed (`GET /__mock/health`).
        state.pendingCalls++;
        try {
          await sleep(delayMs);
        } finally {
          state.pendingCalls--;
        }
      }
      if (fault && applyFaultBeforeProcessing(fault, request, reply)) return reply;
      let payload: unknown;
      try {
        const input = (plain?.(body) ?? validateRequest(schema, body)) as I;
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
