import {
  AuthenticationError,
  BatchNotFoundError,
  ChannelUnavailableError,
  type HttpAnswer,
  InsufficientBalanceError,
  ProviderError,
  RateLimitError,
  UnexpectedResponseError,
  ValidationError,
} from '@intl-sms/core';

/**
 * Reads an Acme answer: the JSON body of a 2xx, or the typed error its status means.
 * The kit decides what may be retried and what a failed send means: a refusal here
 * (400, 401, 402, 409, 429) proves nothing was sent; anything else on a send is treated
 * as an unknown outcome by the kit, never retried.
 */
export function readAcme(operation: string, answer: HttpAnswer, batch?: string): unknown {
  let body: Record<string, unknown> = {};
  try {
    body = answer.text === '' ? {} : (JSON.parse(answer.text) as Record<string, unknown>);
  } catch {
    // Never keep the parser's error: its message would quote the body.
    throw new UnexpectedResponseError(operation, answer.statusCode, 'the body is not JSON', '', {
      retryable: answer.statusCode >= 500,
    });
  }
  const message = typeof body.error === 'string' ? body.error : `HTTP ${answer.statusCode}`;
  switch (answer.statusCode) {
    case 200:
    case 201:
      return body;
    case 400:
      throw new ValidationError(
        String(body.field ?? 'unknown'),
        `Acme refused ${operation}: ${message}`,
      );
    case 401:
      throw new AuthenticationError(`Acme refused the token: ${message}`);
    case 402:
      throw new InsufficientBalanceError(`Acme: not enough credit: ${message}`);
    case 404:
      if (batch !== undefined) throw new BatchNotFoundError(batch);
      break;
    case 409:
      throw new ChannelUnavailableError(`Acme: the route is closed: ${message}`);
    case 429: {
      const after = Number(answer.headers['retry-after']);
      throw new RateLimitError(
        `Acme is rate limiting ${operation}`,
        Number.isFinite(after) ? after * 1000 : undefined,
      );
    }
  }
  throw new ProviderError(
    { stateCode: undefined, stateMsg: message, endpoint: operation, statusCode: answer.statusCode },
    { retryable: answer.statusCode >= 500 },
  );
}
