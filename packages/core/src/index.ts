export {
  AuthenticationError,
  BatchNotFoundError,
  ChannelUnavailableError,
  ConfigurationError,
  type InsufficientBalanceDetails,
  InsufficientBalanceError,
  NetworkError,
  ProviderError,
  type ProviderErrorDetails,
  RateLimitError,
  SmsError,
  type SmsErrorOptions,
  SubmitOutcomeUnknownError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors/index.js';
export { defaultRetryPolicy, type RetryEvent, type RetryPolicy } from './http/retry-policy.js';
export { Decimal } from './money/decimal.js';
export { toWireNumber, type WireNumberResult } from './phone/wire-number.js';
export {
  createSjroomTransport,
  type SjroomTransportSettings,
} from './providers/sjroom/create-sjroom-transport.js';
export {
  type SjroomChannel,
  type SjroomEnvelope,
  type SjroomReceipt,
  sjroomBalanceSchema,
  sjroomBatchNoSchema,
  sjroomChannelListSchema,
  sjroomChannelSchema,
  sjroomEnvelopeSchema,
  sjroomInt64Schema,
  sjroomReceiptSchema,
} from './providers/sjroom/sjroom-api.js';
export {
  SjroomClient,
  type SjroomQueryResult,
  type SjroomSubmitInput,
} from './providers/sjroom/sjroom-client.js';
export {
  SJROOM_DEFAULT_BASE_URL,
  type SjroomClientSettings,
} from './providers/sjroom/sjroom-client-settings.js';
export { SJROOM_MAX_PHONES_PER_SUBMIT } from './providers/sjroom/sjroom-inputs.js';
export { SjroomTransport } from './providers/sjroom/sjroom-transport.js';
export type {
  Balance,
  CallOptions,
  Channel,
  ChannelId,
  DeliveryReport,
  DeliveryReportOptions,
  DeliveryStatus,
  RecipientStatus,
  RejectedRecipient,
  SendResult,
  SentBatch,
  SmsMessage,
  SmsTransport,
} from './transport/index.js';
