import type { FastifyBaseLogger } from 'fastify';
import type * as z from 'zod';
import type { Endpoint } from '../faults/fault-rule.js';
import type { MockAccount } from '../state/accounts.js';
import type { MockState } from '../state/mock-state.js';
import { EnvelopeError, fail, stringifyWithInt64 } from '../wire/envelope.js';
import { validateRequest } from '../wire/request-schemas.js';

/** What an endpoint handler gets: the validated body, the authenticated account, a logger. */
export interface EndpointContext<I> {
  readonly input: I;
  readonly account: MockAccount;
  readonly log: FastifyBaseLogger;
}

/**
 * One of the four sjroom endpoints: its name, request schema, handler and hand check.
 * The handler returns the success payload (bare or envelope); it throws `EnvelopeError`
 * to fail.
 */
export interface SjroomEndpoint<I extends { account: string; password: string }> {
  readonly endpoint: Endpoint;
  readonly schema: z.ZodType<I>;
  /** Method syntax: a list of endpoints of different inputs is a list of the base type. */
  handler(context: EndpointContext<I>): unknown;
  /** A hand check that returns the body when it is plainly valid (zod decides otherwise). */
  readonly plain?: (body: unknown) => I | undefined;
  /**
   * The handler's payload as JSON text, exactly as `stringifyWithInt64` writes it, where
   * a precompiled serializer is faster (failures always take the generic one).
   */
  serialize?(payload: unknown): string;
}

/**
 * Answers a parsed request body as the Spring service would, as JSON text: the
 * endpoint's payload, or a failure envelope naming the field (`400`) or the
 * credentials (`401`). The Fastify route and the fast lane both answer with this.
 * Anything but an `EnvelopeError` is a bug of the mock and is thrown.
 */
export function answerSjroomCall<I extends { account: string; password: string }>(
  state: MockState,
  spec: SjroomEndpoint<I>,
  body: unknown,
  log: FastifyBaseLogger,
): string {
  let payload: unknown;
  try {
    const input = (spec.plain?.(body) ?? validateRequest(spec.schema, body)) as I;
    const account = state.authenticate(input.account, input.password);
    if (!account) throw new EnvelopeError('401', '[account:wrong account or password]');
    payload = spec.handler({ input, account, log });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return stringifyWithInt64(fail(error.stateCode, error.message));
  }
  return spec.serialize ? spec.serialize(payload) : stringifyWithInt64(payload);
}
