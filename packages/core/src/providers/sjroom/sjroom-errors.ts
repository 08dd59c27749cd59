import { AuthenticationError } from '../../errors/authentication-error.js';
import { BatchNotFoundError } from '../../errors/batch-not-found-error.js';
import { ChannelUnavailableError } from '../../errors/channel-unavailable-error.js';
import { InsufficientBalanceError } from '../../errors/insufficient-balance-error.js';
import { ProviderError } from '../../errors/provider-error.js';
import { RateLimitError } from '../../errors/rate-limit-error.js';
import type { SmsError } from '../../errors/sms-error.js';
import { ValidationError } from '../../errors/validation-error.js';

/** The four sjroom endpoints, named as in their paths. */
export type SjroomEndpoint = 'list' | 'submit' | 'query' | 'balance';

/** What the client knows about a failed call when it maps the provider's code. */
export interface SjroomFailure {
  readonly endpoint: SjroomEndpoint;
  readonly stateCode: string;
  /** Already stripped of credentials. */
  readonly stateMsg: string;
  readonly statusCode: number;
  readonly retryAfterMs?: number;
  readonly channelId?: string | number;
  readonly batchNo?: string;
}

/** Spring validation messages look like `[field:message]`; the first field named wins. */
const FIELD_IN_MESSAGE = /\[([A-Za-z_][\w.[\]]*)\s*:/;

/** Reads the field a `400`/`413` message names, or `unknown`. */
export function fieldFromStateMsg(stateMsg: string): string {
  return FIELD_IN_MESSAGE.exec(stateMsg)?.[1] ?? 'unknown';
}

/** Maps a sjroom business failure to the typed error the contract assigns to its code. */
export function sjroomError(failure: SjroomFailure): SmsError {
  const { endpoint, stateCode, stateMsg } = failure;
  const suffix = stateMsg ? `: ${stateMsg}` : '';
  switch (stateCode) {
    case '400':
    case '413':
      return new ValidationError(
        fieldFromStateMsg(stateMsg),
        `The provider refused the ${endpoint} request (stateCode ${stateCode})${suffix}`,
      );
    case '401':
      return new AuthenticationError(`The provider rejected the account or password${suffix}`);
    case '402':
      return new InsufficientBalanceError(
        `The account balance is too low for this submit${suffix}`,
      );
    case '403':
      return new ChannelUnavailableError(
        `Channel ${failure.channelId ?? ''} is not opened for this account or is disabled${suffix}`.replace(
          '  ',
          ' ',
        ),
        failure.channelId,
      );
    case '404':
      if (endpoint === 'query' && failure.batchNo !== undefined)
        return new BatchNotFoundError(failure.batchNo);
      break;
    case '429':
      return new RateLimitError(
        `The provider is rate limiting ${endpoint}${suffix}`,
        failure.retryAfterMs,
      );
  }
  return new ProviderError(
    { stateCode, stateMsg, endpoint, statusCode: failure.statusCode },
    { retryable: stateCode === '500' && endpoint !== 'submit' },
  );
}
