import type { SendEstimate } from '../estimate/cost-estimate.js';
import type { Balance } from './balance.js';
import { CALL_OPTION_KEYS, type CallOptions } from './call-options.js';
import type { Channel } from './channel.js';
import type { DeliveryReport } from './delivery-report.js';
import type { SendResult } from './send-result.js';
import type { SmsMessage } from './sms-message.js';

/** Options for {@link SmsTransport.getDeliveryReport}. */
export interface DeliveryReportOptions extends CallOptions {
  /**
   * The numbers the batch was sent to, when this transport instance did not send it
   * itself; lets the report list pending numbers and say when the batch is complete.
   */
  readonly recipients?: readonly string[] | undefined;
}

/**
 * The provider-agnostic contract for sending SMS. Adapters and applications depend on
 * this type only; `createSjroomTransport` returns one, and so does the testing fake.
 */
export interface SmsTransport {
  /** The version of this contract the implementation follows. */
  readonly specificationVersion: 'v1';
  /** A short provider name, e.g. `sjroom`. */
  readonly provider: string;
  /**
   * Sends one text to the given recipients. Resolves once the provider accepted it;
   * rejects with an `SmsError` subclass otherwise. Never submits the same batch twice.
   */
  send(message: SmsMessage, options?: CallOptions): Promise<SendResult>;
  /**
   * Prices a message without sending: encoding, segments, exact cost per channel. Optional
   * in the contract (every kit transport and the failover transport have it); `sendBulk`
   * with `maxCost` needs it.
   */
  estimate?(message: SmsMessage, options?: CallOptions): Promise<SendEstimate>;
  /** Fetches the delivery receipts of a batch returned by {@link SmsTransport.send}. */
  getDeliveryReport(id: string, options?: DeliveryReportOptions): Promise<DeliveryReport>;
  /** Fetches the account balance. */
  getBalance(options?: CallOptions): Promise<Balance>;
  /** Lists the channels opened for the account, enabled or not. */
  listChannels(options?: CallOptions): Promise<readonly Channel[]>;
  /** Releases connections; waits for calls in flight. The transport is unusable afterwards. */
  close(): Promise<void>;
}

/** Every key of {@link DeliveryReportOptions}. */
export const DELIVERY_REPORT_OPTION_KEYS: readonly string[] = [...CALL_OPTION_KEYS, 'recipients'];
