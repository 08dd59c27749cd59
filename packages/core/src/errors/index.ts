export {
  AllTransportsFailedError,
  type TransportFailureEntry,
} from './all-transports-failed-error.js';
export { AuthenticationError } from './authentication-error.js';
export { BatchNotFoundError } from './batch-not-found-error.js';
export { type BudgetExceededDetails, BudgetExceededError } from './budget-exceeded-error.js';
export { BulkInterruptedError, type BulkInterruption } from './bulk-interrupted-error.js';
export type { NoRouteDetails } from './channel-unavailable-error.js';
export { ChannelUnavailableError } from './channel-unavailable-error.js';
export { ConfigurationError } from './configuration-error.js';
export {
  type InsufficientBalanceDetails,
  InsufficientBalanceError,
} from './insufficient-balance-error.js';
export { InvalidRecipientsError } from './invalid-recipients-error.js';
export { NetworkError } from './network-error.js';
export { PartialSendError, type SubmitFailure } from './partial-send-error.js';
export { ProviderError, type ProviderErrorDetails } from './provider-error.js';
export { RateLimitError } from './rate-limit-error.js';
export { SmsError, type SmsErrorOptions } from './sms-error.js';
export {
  type SubmitOutcomeEvidence,
  SubmitOutcomeUnknownError,
  type SubmitOutcomeUnknownOptions,
} from './submit-outcome-unknown-error.js';
export { TimeoutError } from './timeout-error.js';
export { UnexpectedResponseError } from './unexpected-response-error.js';
export { ValidationError } from './validation-error.js';
