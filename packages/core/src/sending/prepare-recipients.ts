import { ChannelUnavailableError } from '../errors/channel-unavailable-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { PhoneCheck, PhoneOptions } from '../phone/normalize-phone.js';
import {
  type ChannelIndex,
  type ChannelPreferences,
  describeDestination,
} from '../routing/channel-index.js';
import type { Channel, ChannelId } from '../transport/channel.js';
import type { RecipientOutcome, RejectedRecipient } from '../transport/send-result.js';
import { FirstIndexByPhone } from './first-index-by-phone.js';
import { pendingOutcome } from './submit-groups.js';

/** The recipients of one channel, in input order. */
export interface ChannelGroup {
  readonly channelId: ChannelId;
  /** Price per segment when the channel is known (for estimates and balance checks). */
  readonly price: string | undefined;
  readonly indexes: number[];
  readonly phones: string[];
}

/** Recipients normalised, deduplicated and grouped by channel, with every entry's outcome so far. */
export interface PreparedRecipients {
  readonly outcomes: RecipientOutcome[];
  readonly groups: ChannelGroup[];
  readonly rejected: RejectedRecipient[];
  readonly duplicates: RejectedRecipient[];
}

/** How to prepare recipients. */
export interface PrepareOptions extends PhoneOptions {
  readonly normalize: (input: unknown, options?: PhoneOptions) => PhoneCheck;
  readonly dedupe: boolean;
  /** Every number goes to this channel (no routing). */
  readonly channelId: ChannelId | undefined;
  /** The channels to route with; required without `channelId`. */
  readonly index: ChannelIndex | undefined;
  readonly preferences: ChannelPreferences;
}

/** Reads `to` as a list of entries, or throws a `ValidationError` naming `to`. */
export function recipientList(to: unknown): readonly unknown[] {
  const list = typeof to === 'string' ? [to] : to;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ValidationError(
      'to',
      'to must be a phone number or a non-empty array of phone numbers',
    );
  }
  return list;
}

/** Normalises, deduplicates and routes every entry of `to`; never throws for a bad entry. */
export function prepareRecipients(
  to: readonly unknown[],
  options: PrepareOptions,
): PreparedRecipients {
  const outcomes: RecipientOutcome[] = [];
  const rejected: RejectedRecipient[] = [];
  const duplicates: RejectedRecipient[] = [];
  const groups = new Map<string, ChannelGroup>();
  const seen = options.dedupe ? new FirstIndexByPhone(to.length) : undefined;
  // The destination, route and group of the number before: the next is most often alike.
  const last: {
    country: string | undefined;
    callingCode: string;
    channel: Channel | undefined;
    channelId: ChannelId | undefined;
    group: ChannelGroup | undefined;
  } = {
    country: undefined,
    callingCode: '',
    channel: undefined,
    channelId: undefined,
    group: undefined,
  };
  const reject = (index: number, input: string, reason: string) => {
    rejected.push({ index, input, reason });
    outcomes.push({ input, state: 'rejected', reason });
  };
  for (let index = 0; index < to.length; index++) {
    const entry = to[index];
    const input = typeof entry === 'string' ? entry : String(entry);
    const check = options.normalize(entry, options);
    if (!check.ok) {
      reject(index, input, check.reason);
      continue;
    }
    const { phone } = check.value;
    const first = seen === undefined ? index : seen.firstIndex(phone, index);
    if (first !== index) {
      const reason = `duplicate of to[${first}]`;
      duplicates.push({ index, input, reason });
      outcomes.push({ input, phone, state: 'duplicate', reason });
      continue;
    }
    let channel: Channel | undefined;
    if (options.channelId === undefined) {
      // Numbers of one destination come in runs: route once per run, not per number.
      const { country, callingCode } = check.value;
      if (country !== last.country || callingCode !== last.callingCode) {
        last.channel = options.index?.route(check.value, options.preferences);
        last.country = country;
        last.callingCode = callingCode;
      }
      channel = last.channel;
    }
    const channelId = options.channelId ?? channel?.id;
    if (channelId === undefined) {
      reject(index, input, `no enabled channel for ${describeDestination(check.value)}`);
      continue;
    }
    let group = channelId === last.channelId ? last.group : undefined;
    if (group === undefined) {
      const key = String(channelId);
      group = groups.get(key) ?? {
        channelId,
        price: channel?.price ?? options.index?.byId(channelId)?.price,
        indexes: [],
        phones: [],
      };
      groups.set(key, group);
      last.channelId = channelId;
      last.group = group;
    }
    group.indexes.push(index);
    group.phones.push(phone);
    outcomes.push(pendingOutcome(input, phone));
  }
  return { outcomes, groups: [...groups.values()], rejected, duplicates };
}

/** The error for rejected recipients whose reason is a missing route, naming the destination. */
export function noRouteError(
  rejected: RejectedRecipient,
  index: ChannelIndex,
): ChannelUnavailableError {
  const country = rejected.reason.replace('no enabled channel for ', '');
  const available = index.availableDestinations();
  return new ChannelUnavailableError(
    `No enabled channel for ${country} (to[${rejected.index}]); channels exist for: ${available.join(', ') || 'none'}`,
    undefined,
    { country, availableCountries: available },
  );
}
