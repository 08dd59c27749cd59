import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { applyFaultAfterProcessing, applyFaultBeforeProcessing } from '../faults/fault-answers.js';
import { FaultCall } from '../faults/fault-call.js';
import type { MockState } from '../state/mock-state.js';
import { fail } from '../wire/envelope.js';
import { answerSjroomCall, type SjroomEndpoint } from './sjroom-call.js';

const NO_FAULT = { delayMs: 0, fault: undefined } as const;

/**
 * Registers `POST /api/open/int/sms/<endpoint>` with the sjroom conventions: HTTP 200
 * and a failure envelope for every business error, faults applied before or after
 * processing, other methods answered with `400` as the Spring service does.
 */
export function registerSjroomRoute<I extends { account: string; password: string }>(
  app: FastifyInstance,
  state: MockState,
  spec: SjroomEndpoint<I>,
): void {
  const { endpoint, schema } = spec;
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
      const text = answerSjroomCall(state, spec, body, request.log);
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
