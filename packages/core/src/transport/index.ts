export type { Balance } from './balance.js';
export type { CallOptions } from './call-options.js';
export type { Channel, ChannelId } from './channel.js';
export type { DeliveryReport, DeliveryStatus, RecipientStatus } from './delivery-report.js';
export type { RoutingSettings } from './routing-settings.js';
export type {
  RecipientOutcome,
  RecipientState,
  RejectedRecipient,
  SendResult,
  SentBatch,
} from './send-result.js';
export type { SmsMessage } from './sms-message.js';
export type { DeliveryReportOptions, SmsTransport } from './sms-transport.js';
