import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../wire/envelope.js';
import type { FaultRule } from './fault-rule.js';

/** Applies a fault that replaces processing; true when the request is answered (or dropped). */
export function applyFaultBeforeProcessing(
  fault: FaultRule,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  if (fault.afterProcessing) return false;
  return answerWithFault(fault, request, reply);
}

/** Answers with the fault's error (state code, HTTP status, rate limit) or drops the connection. */
function answerWithFault(fault: FaultRule, request: FastifyRequest, reply: FastifyReply): boolean {
  switch (fault.type) {
    case 'state-code': {
      const stateCode = fault.stateCode ?? '500';
      const stateMsg = fault.stateMsg ?? 'injected fault';
      // Jackson's NON_NULL inclusion leaves `data: null` out of the envelope altogether.
      const envelope = fault.omitData ? { stateCode, stateMsg } : fail(stateCode, stateMsg);
      reply.type('application/json;charset=UTF-8').send(JSON.stringify(envelope));
      return true;
    }
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
export function applyFaultAfterProcessing(
  fault: FaultRule,
  text: string,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  // The request took effect, and still the caller hears an error: what a Spring
  // exception handler (`500`) or a gateway (`502`) answers after the SMS left.
  if (fault.afterProcessing) return answerWithFault(fault, request, reply);
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
