import { Decimal } from '../money/decimal.js';
import type { ChannelIndex } from '../routing/channel-index.js';
import type { ChannelGroup } from '../sending/prepare-recipients.js';
import type { SegmentInfo } from '../text/segments.js';
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
      cost:
        price === undefined
          ? undefined
          : Decimal.parse(price).multiply(segments).multiply(group.phones.length).toString(),
    };
  });
}

/** The exact sum of the known costs. */
export function totalCost(costs: readonly ChannelCost[]): Decimal {
  return costs.reduce(
    (sum, line) => (line.cost === undefined ? sum : sum.add(Decimal.parse(line.cost))),
    Decimal.zero(),
  );
}
