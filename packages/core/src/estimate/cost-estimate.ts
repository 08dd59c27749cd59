import { Decimal } from '../money/decimal.js';
import type { ChannelIndex } from '../routing/channel-index.js';
import type { ChannelGroup } from '../sending/prepare-recipients.js';
import type { SegmentInfo, SmsEncoding } from '../text/segments.js';
import type { CharacterReplacement } from '../text/smart-encoding.js';
import type { ChannelId } from '../transport/channel.js';
import type { RejectedRecipient } from '../transport/send-result.js';

/** The cost of one channel's share of a send. */
export interface ChannelCost {
  readonly channelId: ChannelId;
  /** The channel's destination (calling code or ISO code) and names, when the channel is known. */
  readonly countryCode: string | undefined;
  readonly nameEn: string | undefined;
  readonly operator: string | undefined;
  readonly recipients: number;
  readonly segments: number;
  /** Price per recipient per segment; `undefined` when the channel is not in the list. */
  readonly price: string | undefined;
  /** `price × segments × recipients`, exact; `undefined` when the price is unknown. */
  readonly cost: string | undefined;
}

/** What a send would cost, computed without sending. */
export interface SendEstimate extends SegmentInfo {
  /** Numbers that would be submitted (after dropping invalid ones and duplicates). */
  readonly recipients: number;
  /** Entries that would not be sent, with reasons. */
  readonly rejected: readonly RejectedRecipient[];
  /** Entries that repeat an earlier number. */
  readonly duplicates: readonly RejectedRecipient[];
  /** Per channel: recipients, price and cost. */
  readonly channels: readonly ChannelCost[];
  /** The sum of every channel's cost, exact, in the balance's currency. */
  readonly totalCost: string;
  /** False when some channel's price is unknown, so `totalCost` is a lower bound. */
  readonly complete: boolean;
  /** The text the send would submit (smart encoded when that is on and applies). */
  readonly text: string;
  /** The text as written and as smart encoding would send it, side by side. */
  readonly smartEncoding: SmartEncodingEstimate;
}

/** One way of sending a text: its encoding, segments and total. */
export interface EncodingOption {
  readonly text: string;
  readonly encoding: SmsEncoding;
  readonly segments: number;
  /** The whole send's exact cost this way (a lower bound when `complete` is false). */
  readonly totalCost: string;
}

/** What smart encoding would change for this send. */
export interface SmartEncodingEstimate {
  /** True when the send would submit the smart-encoded text (`smartEncoding` on and it applies). */
  readonly used: boolean;
  /** True when smart encoding can turn this text into GSM-7 (whether or not it is on). */
  readonly applicable: boolean;
  /** The text as written. */
  readonly original: EncodingOption;
  /** The text as smart encoding would send it (the same as `original` when not applicable). */
  readonly smart: EncodingOption;
  /** `original.segments − smart.segments`, per recipient. */
  readonly segmentsSaved: number;
  /** `original.totalCost − smart.totalCost`, exact. */
  readonly costSaved: string;
  /** The characters it replaces, with what they become and how often. */
  readonly replacements: readonly CharacterReplacement[];
  /** Characters with no GSM-7 look-alike that keep the text UCS-2. */
  readonly blockedBy: readonly string[];
}

/** Prices each channel group: `price × segments × recipients`, in exact decimal. */
export function channelCosts(
  groups: readonly ChannelGroup[],
  segments: number,
  index: ChannelIndex | undefined,
): ChannelCost[] {
  return groups.map((group) => {
    const channel = index?.byId(group.channelId);
    const price = group.price ?? channel?.price;
    return {
      channelId: group.channelId,
      countryCode: channel?.countryCode,
      nameEn: channel?.nameEn,
      operator: channel?.operator,
      recipients: group.phones.length,
      segments,
      price,
      cost: costOf({ price, phones: group.phones }, segments),
    };
  });
}

/**
 * `price × segments × recipients` of one channel's numbers, exact: what a submit of them
 * costs; `undefined` when the price is unknown.
 */
export function costOf(
  group: Pick<ChannelGroup, 'price' | 'phones'>,
  segments: number,
): string | undefined {
  if (group.price === undefined) return undefined;
  return Decimal.parse(group.price).multiply(segments).multiply(group.phones.length).toString();
}

/** The exact sum of the known costs. */
export function totalCost(costs: readonly ChannelCost[]): Decimal {
  return costs.reduce(
    (sum, line) => (line.cost === undefined ? sum : sum.add(Decimal.parse(line.cost))),
    Decimal.zero(),
  );
}
