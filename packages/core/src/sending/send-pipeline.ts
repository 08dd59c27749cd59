import { InsufficientBalanceError } from '../errors/insufficient-balance-error.js';
import { InvalidRecipientsError } from '../errors/invalid-recipients-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { channelCosts, type SendEstimate, totalCost } from '../estimate/cost-estimate.js';
import {
  loadCallingCodes,
  loadPhoneNormalizer,
  type PhoneOptions,
} from '../phone/normalize-phone.js';
import { ChannelIndex, type ChannelPreferences } from '../routing/channel-index.js';
import { checkPreferences } from '../routing/check-preferences.js';
import { countSegments } from '../text/segments.js';
import type { Balance } from '../transport/balance.js';
import type { Channel, ChannelId } from '../transport/channel.js';
import type { SendResult } from '../transport/send-result.js';
import { SMS_MESSAGE_KEYS, type SmsMessage } from '../transport/sms-message.js';
import { checkKnownKeys, checkOneOf } from '../validation/check-options.js';
import { checkText } from './check-text.js';
import {
  noRouteError,
  type PreparedRecipients,
  prepareRecipients,
  recipientList,
} from './prepare-recipients.js';
import { isChannelRefusal, rerouteRefused } from './reroute-refused.js';
import { sendOutcome } from './send-outcome.js';
import { type SubmitBatch, submitGroups } from './submit-groups.js';

/** Defaults a transport applies to every send; a message may override the first four. */
export interface SendDefaults {
  readonly defaultCountry?: string;
  readonly validation?: PhoneOptions['validation'];
  readonly onInvalid: 'reject' | 'skip';
  readonly dedupe: boolean;
  readonly preferences: ChannelPreferences;
  readonly maxPerSubmit: number;
  readonly concurrency: number;
}

/** What the pipeline needs from a provider. */
export interface SendPipeline {
  readonly defaults: SendDefaults;
  /** The account's channels (cached by the caller). */
  readonly channels: () => Promise<readonly Channel[]>;
  /** Forgets cached channels after a channel was refused. */
  readonly invalidateChannels: () => void;
  /** Submits one batch of wire numbers with the text; resolves with the batch id. */
  readonly submit: (
    channelId: ChannelId,
    phones: readonly string[],
    text: string,
  ) => Promise<string>;
  readonly balance: () => Promise<Balance>;
}

/**
 * Sends a message: validates the text, normalises and deduplicates the numbers, routes
 * each to its channel (cheapest enabled for its country, unless `channelId` or a
 * preference says otherwise), optionally checks the balance, then submits per channel
 * in chunks. A channel refused as unavailable is re-routed once with a fresh channel list.
 * Everything that can throw before the first submit does; after it, the outcome is a
 * result or a `PartialSendError` holding every accepted batch, never a retryable error.
 */
export async function runSend(message: SmsMessage, pipeline: SendPipeline): Promise<SendResult> {
  checkMessage(message);
  const text = checkText(message.text);
  const { prepared, index } = await prepare(message, pipeline);
  if (message.checkBalance) await checkBalance(prepared, text, index, pipeline);
  const submit: SubmitBatch = (channelId, phones) => pipeline.submit(channelId, phones, text);
  let report = await submitGroups(prepared.groups, prepared.outcomes, submit, pipeline.defaults);
  if (message.channelId === undefined && report.failures.some(isChannelRefusal)) {
    const preferences = preferencesOf(message, pipeline.defaults);
    report = await rerouteRefused(report, prepared.outcomes, submit, pipeline, preferences);
  }
  return sendOutcome(report, prepared.outcomes, prepared.rejected, prepared.duplicates);
}

/** Estimates a send without submitting: encoding, segments, per-channel cost and total. */
export async function runEstimate(
  message: SmsMessage,
  pipeline: SendPipeline,
): Promise<SendEstimate> {
  checkMessage(message);
  const text = checkText(message.text);
  const { prepared, index } = await prepare({ ...message, onInvalid: 'skip' }, pipeline, true);
  const segments = countSegments(text);
  const channels = channelCosts(prepared.groups, segments.segments, index);
  return {
    ...segments,
    recipients: prepared.groups.reduce((sum, group) => sum + group.phones.length, 0),
    rejected: prepared.rejected,
    duplicates: prepared.duplicates,
    channels,
    totalCost: totalCost(channels).toString(),
    complete: channels.every((line) => line.cost !== undefined),
  };
}

/** The transport's channel preferences with the message's over them. */
function preferencesOf(message: SmsMessage, defaults: SendDefaults): ChannelPreferences {
  return message.channelPreferences
    ? { ...defaults.preferences, ...message.channelPreferences }
    : defaults.preferences;
}

async function prepare(message: SmsMessage, pipeline: SendPipeline, forEstimate = false) {
  const list = recipientList(message.to);
  const normalize = await loadPhoneNormalizer();
  const needChannels = message.channelId === undefined || message.checkBalance || forEstimate;
  const index = needChannels ? new ChannelIndex(await pipeline.channels()) : undefined;
  const { defaults } = pipeline;
  const preferences = preferencesOf(message, defaults);
  if (index && Object.keys(preferences).length > 0)
    checkPreferences(preferences, index, await loadCallingCodes());
  const prepared = prepareRecipients(list, {
    normalize,
    dedupe: message.dedupe ?? defaults.dedupe,
    channelId: message.channelId,
    index,
    preferences,
    ...withDefined('defaultCountry', message.defaultCountry ?? defaults.defaultCountry),
    ...withDefined('validation', message.phoneValidation ?? defaults.validation),
  });
  const onInvalid = message.onInvalid ?? defaults.onInvalid;
  if (
    !forEstimate &&
    prepared.rejected.length > 0 &&
    (onInvalid === 'reject' || prepared.groups.length === 0)
  ) {
    const allNoRoute = prepared.rejected.every((r) => r.reason.startsWith('no enabled channel'));
    throw allNoRoute && index && prepared.rejected[0]
      ? noRouteError(prepared.rejected[0], index)
      : new InvalidRecipientsError(prepared.rejected);
  }
  return { prepared, index };
}

async function checkBalance(
  prepared: PreparedRecipients,
  text: string,
  index: ChannelIndex | undefined,
  pipeline: SendPipeline,
) {
  const required = totalCost(channelCosts(prepared.groups, countSegments(text).segments, index));
  const balance = await pipeline.balance();
  if (required.compare(balance.value) > 0) {
    throw new InsufficientBalanceError(
      `The estimated cost ${required} exceeds the balance ${balance.amount}; nothing was sent`,
      { balance: balance.amount, required: required.toString() },
    );
  }
}

/** Refuses a message that is not an object or has a key `SmsMessage` does not know. */
function checkMessage(message: unknown): asserts message is SmsMessage {
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    throw new ValidationError('message', 'the message must be an object: { to, text }');
  checkKnownKeys(message, SMS_MESSAGE_KEYS, 'the message');
  const { onInvalid, phoneValidation } = message as SmsMessage;
  checkOneOf('onInvalid', onInvalid, ['reject', 'skip']);
  checkOneOf('phoneValidation', phoneValidation, ['valid', 'possible']);
}

function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
