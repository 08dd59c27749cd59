export { type MaxCost, parseMaxCost } from './budget/max-cost.js';
export type {
  BulkDuplicate,
  BulkFailure,
  BulkProgress,
  BulkRecipient,
  BulkSource,
  BulkSummary,
} from './bulk/bulk-types.js';
export {
  type ChunkerNote,
  type ChunkerOptions,
  type RecipientChunk,
  RecipientChunker,
} from './bulk/recipient-chunker.js';
export { type ResumeState, readResumeToken } from './bulk/resume-token.js';
export { SeenMessages } from './bulk/seen-messages.js';
export { type BulkOptions, sendBulk } from './bulk/send-bulk.js';
export {
  type DeliveryWaitResult,
  type WaitForDeliveryOptions,
  waitForDelivery,
} from './delivery/wait-for-delivery.js';
export {
  AllTransportsFailedError,
  AuthenticationError,
  BatchNotFoundError,
  type BudgetExceededDetails,
  BudgetExceededError,
  BulkInterruptedError,
  type BulkInterruption,
  ChannelUnavailableError,
  ConfigurationError,
  type InsufficientBalanceDetails,
  InsufficientBalanceError,
  InvalidRecipientsError,
  NetworkError,
  type NoRouteDetails,
  PartialSendError,
  ProviderError,
  type ProviderErrorDetails,
  RateLimitError,
  SmsError,
  type SmsErrorOptions,
  type SubmitFailure,
  type SubmitOutcomeEvidence,
  SubmitOutcomeUnknownError,
  type SubmitOutcomeUnknownOptions,
  TimeoutError,
  type TransportFailureEntry,
  UnexpectedResponseError,
  ValidationError,
} from './errors/index.js';
export type {
  ChannelCost,
  EncodingOption,
  SendEstimate,
  SmartEncodingEstimate,
} from './estimate/cost-estimate.js';
export {
  createFailoverTransport,
  type FailoverOptions,
  type MayFailOverOptions,
  mayFailOver,
} from './failover/create-failover-transport.js';
export type { FetchFunction } from './http/fetch-engine.js';
export type { HttpAnswer } from './http/http-engine.js';
export { defaultRetryPolicy, type RetryEvent, type RetryPolicy } from './http/retry-policy.js';
export {
  defineSmsProvider,
  type ProviderTransportSettings,
  type SmsProvider,
} from './kit/define-sms-provider.js';
export { deliveryReportOf } from './kit/delivery-report-of.js';
export type { HttpClient } from './kit/http-client.js';
export type { HttpSettings, SmsLogger } from './kit/http-settings.js';
export { KitTransport } from './kit/kit-transport.js';
export type {
  DeliveryReportRequest,
  ProviderCall,
  ProviderClientContext,
  ProviderHttp,
  SmsProviderDefinition,
  SubmitRequest,
} from './kit/provider-definition.js';
export { Decimal } from './money/decimal.js';
export { normalizePhone } from './phone/index.js';
export type { NormalizedPhone, PhoneCheck, PhoneOptions } from './phone/normalize-phone.js';
export {
  createSjroomTransport,
  type SjroomTransportSettings,
} from './providers/sjroom/create-sjroom-transport.js';
export type {
  SjroomChannel,
  SjroomEnvelope,
  SjroomReceipt,
} from './providers/sjroom/sjroom-api.js';
export {
  SjroomClient,
  type SjroomQueryResult,
  type SjroomSubmitInput,
} from './providers/sjroom/sjroom-client.js';
export {
  type ErrorEvent,
  type RequestEvent,
  type ResponseEvent,
  SJROOM_DEFAULT_BASE_URL,
  type SjroomClientSettings,
  type SjroomLogger,
} from './providers/sjroom/sjroom-client-settings.js';
export { SJROOM_MAX_PHONES_PER_SUBMIT } from './providers/sjroom/sjroom-inputs.js';
export {
  type SjroomProviderSettings,
  sjroomProvider,
} from './providers/sjroom/sjroom-provider.js';
export {
  sjroomBalanceSchema,
  sjroomBatchNoSchema,
  sjroomChannelListSchema,
  sjroomChannelSchema,
  sjroomEnvelopeSchema,
  sjroomInt64Schema,
  sjroomReceiptSchema,
} from './providers/sjroom/sjroom-schemas.js';
export { SjroomTransport } from './providers/sjroom/sjroom-transport.js';
export type { ChannelPreferences, Destination } from './routing/channel-index.js';
export {
  fullWidthLookalike,
  GSM_LOOKALIKES,
  type LookalikeGroup,
} from './text/gsm-lookalikes.js';
export { countSegments, type SegmentInfo, type SmsEncoding } from './text/segments.js';
export {
  type CharacterReplacement,
  type SmartEncoding,
  smartEncode,
} from './text/smart-encoding.js';
export type {
  Balance,
  CallOptions,
  Channel,
  ChannelId,
  DeliveryReport,
  DeliveryReportOptions,
  DeliveryStatus,
  RecipientOutcome,
  RecipientState,
  RecipientStatus,
  RejectedRecipient,
  RoutingSettings,
  SendResult,
  SentBatch,
  SmsMessage,
  SmsTransport,
} from './transport/index.js';
export {
  checkKnownKeys,
  checkNonNegative,
  checkOneOf,
  checkType,
} from './validation/check-options.js';
