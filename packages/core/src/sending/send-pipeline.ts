import { checkWithinBudget, parseMaxCost } from '../budget/max-cost.js';
import { InsufficientBalanceError } from '../errors/insufficient-balance-error.js';
import { InvalidRecipientsError } from '../errors/invalid-recipients-error.js';
import { ValidationError } from '../errors/validation-error.js';
import {
  type ChannelCost,
  channelCosts,
  type SendEstimate,
  totalCost,
} from '../estimate/cost-estimate.js';
import { estimateOf } from '../estimate/estimate-of.js';
import type { Decimal } from '../money/decimal.js';
import {
  loadCallingCodes,
  loadPhoneNormalizer,
  type PhoneOptions,
} from '../phone/normalize-phone.js';
import { ChannelIndex, type ChannelPreferences } from '../routing/channel-index.js';
import { checkPreferences } from '../routing/check-preferences.js';
import type { Balance } from '../transport/balance.js';
import type { Channel, ChannelId } from '../transport/channel.js';
import type { SendResult } from '../transport/send-result.js';
import { SMS_MESSAGE_KEYS, type SmsMessage } from '../transport/sms-message.js';
import { checkDefaultCountry, checkKnownKeys, checkOneOf } from '../validation/check-options.js';
import { checkText } from './check-text.js';
import { noRouteError, prepareRecipients, recipientList } from './prepare-recipients.js';
import { isChannelRefusal, rerouteRefused } from './reroute-refused.js';
import { sendOutcome } from './send-outcome.js';
import { type SubmitBatch, submitGroups } from './submit-groups.js';
import { textToSend } from './text-to-send.js';

/** Defaults a transport applies to every send; a message may override the first four. */
export interface SendDefaults {
  readonly defaultCountry?: string;
  readonly validation?: PhoneOptions['validation'];
  readonly onInvalid: 'reject' | 'skip';
  readonly dedupe: boolean;
  readonly preferences: ChannelPreferences;
  readonly maxPerSubmit: number;
  readonly concurrency: number;
  /** Replace GSM-7 look-alikes unless a message says otherwise. */
  readonly smartEncoding: boolean;
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
 * preference says otherwise), checks `maxCost` against fresh prices and, optionally, the
 * balance, then submits per channel in chunks (the text smart encoded when asked). A
 * channel refused as unavailable is re-routed once with a fresh channel list, within
 * the cap.
 * Everything that can throw before the first submit does; after it, the outcome is a
 * result or a `PartialSendError` holding every accepted batch, never a retryable error.
 */
export async function runSend(message: SmsMessage, pipeline: SendPipeline): Promise<SendResult> {
  checkMessage(message);
  const cap = parseMaxCost(message.maxCost);
  const sending = textToSend(checkText(message.text), smartEncodingOf(message, pipeline));
  const { text } = sending;
  const segments = sending.segments.segments;
  // A cap is checked against the provider's prices now, not a cached list's.
  if (cap !== undefined) pipeline.invalidateChannels();
  const { prepared, index } = await prepare(message, pipeline, { prices: true });
  const costs = channelCosts(prepared.groups, segments, index);
  if (cap !== undefined) checkWithinBudget(cap, knownTotal(costs));
  if (message.checkBalance) await checkBalance(totalCost(costs), pipeline);
  const submit: SubmitBatch = (channelId, phones) => pipeline.submit(channelId, phones, text);
  const options = { ...pipeline.defaults, segments };
  let report = await submitGroups(prepared.groups, prepared.outcomes, submit, options);
  if (message.channelId === undefined && report.failures.some(isChannelRefusal)) {
    const preferences = preferencesOf(message, pipeline.defaults);
    const reroute = { preferences, segments, cap };
    report = await rerouteRefused(report, prepared.outcomes, submit, pipeline, reroute);
  }
  return sendOutcome(report, prepared, sending);
}

/** Estimates a send without submitting: encoding, segments, per-channel cost and total. */
export async function runEstimate(
  message: SmsMessage,
  pipeline: SendPipeline,
): Promise<SendEstimate> {
  checkMessage(message);
  parseMaxCost(message.maxCost);
  const sending = textToSend(checkText(message.text), smartEncodingOf(message, pipeline));
  const { prepared, index } = await prepare({ ...message, onInvalid: 'skip' }, pipeline, {
    forEstimate: true,
    prices: true,
  });
  return estimateOf(prepared, index, sending);
}

/** Whether a message's text is smart encoded: its own choice, else the transport's. */
function smartEncodingOf(message: SmsMessage, pipeline: SendPipeline): boolean {
  return message.smartEncoding ?? pipeline.defaults.smartEncoding;
}

/** The exact total of `costs`, or `undefined` when a price is unknown. */
function knownTotal(costs: readonly ChannelCost[]): Decimal | undefined {
  return costs.every((line) => line.cost !== undefined) ? totalCost(costs) : undefined;
}

/** The transport's channel preferences with the message's over them. */
function preferencesOf(message: SmsMessage, defaults: SendDefaults): ChannelPreferences {
  return message.channelPreferences
    ? { ...defaults.preferences, ...message.channelPreferences }
    : defaults.preferences;
}

/**
 * Normalises, deduplicates and routes the message's numbers. With an explicit
 * `channelId` the channel list is read only for prices: when it cannot be read, a send
 * still goes out (its cost is then unknown) unless a cap or a balance check needs them.
 */
async function prepare(
  message: SmsMessage,
  pipeline: SendPipeline,
  { forEstimate = false, prices = false }: { forEstimate?: boolean; prices?: boolean } = {},
) {
  const list = recipientList(message.to);
  const normalize = await loadPhoneNormalizer();
  const needChannels =
    message.channelId === undefined ||
    message.checkBalance ||
    message.maxCost !== undefined ||
    forEstimate;
  let index: ChannelIndex | undefined;
  if (needChannels) index = new ChannelIndex(await pipeline.channels());
  else if (prices) index = await pipeline.channels().then((c) => new ChannelIndex(c), noIndex);
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

/** Prices for a send through an explicit channel are a bonus: without them it still goes out. */
function noIndex(): undefined {
  return undefined;
}

async function checkBalance(required: Decimal, pipeline: SendPipeline) {
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
  const { onInvalid, phoneValidation, smartEncoding, defaultCountry } = message as SmsMessage;
  checkDefaultCountry(defaultCountry);
  checkOneOf('onInvalid', onInvalid, ['reject', 'skip']);
  checkOneOf('smartEncoding', smartEncoding, [true, false]);
  checkOneOf('phoneValidation', phoneValidation, ['valid', 'possible']);
}

function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
