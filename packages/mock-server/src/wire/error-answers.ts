import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { fail } from './envelope.js';

/** Thrown by the JSON body parser; its message never repeats the body (it may hold a password). */
export class MalformedJsonError extends Error {
  readonly code = 'INTL_SMS_MOCK_MALFORMED_JSON';
}

/** The answer to a body that is not JSON. */
export const MALFORMED_JSON_ANSWER = ['400', '[body:malformed JSON]'] as const;

/** The answer to a bug of the mock (the only `500`). */
export const INTERNAL_ERROR_ANSWER = ['500', '[server:internal error of the mock]'] as const;

/** Envelope codes and messages for failures Fastify detects before a handler runs. */
function describe(
  error: FastifyError,
  bodyLimit: number,
): readonly [stateCode: string, stateMsg: string] | undefined {
  switch (error.code) {
    case 'INTL_SMS_MOCK_MALFORMED_JSON':
      return MALFORMED_JSON_ANSWER;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ['413', `[body:larger than ${bodyLimit} bytes]`];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return ['400', '[Content-Type:must be application/json]'];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return ['400', '[body:empty]'];
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return ['400', '[Content-Length:does not match the body]'];
    default:
      return error.statusCode !== undefined && error.statusCode < 500
        ? ['400', '[body:unreadable request]']
        : undefined;
  }
}

/**
 * The error handler: on the sjroom paths every failure is an HTTP 200 envelope, as on
 * the Spring service (`500` only for a bug in the mock); elsewhere a JSON error. Never
 * an error message that could quote the request body.
 */
export function errorAnswer(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = describe(error, bodyLimit);
    if (!known)
      request.log.error({ err: { message: error.message, code: error.code } }, 'mock server error');
    const [stateCode, stateMsg] = known ?? INTERNAL_ERROR_ANSWER;
    if (request.url.startsWith('/api/')) {
      return reply.code(200).type('application/json;charset=UTF-8').send(fail(stateCode, stateMsg));
    }
    return reply.code(known ? 400 : 500).send({ error: stateMsg });
  };
}
