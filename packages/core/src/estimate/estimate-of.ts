import { Decimal } from '../money/decimal.js';
import type { ChannelIndex } from '../routing/channel-index.js';
import type { PreparedRecipients } from '../sending/prepare-recipients.js';
import type { TextToSend } from '../sending/text-to-send.js';
import { countSegments } from '../text/segments.js';
import {
  channelCosts,
  type EncodingOption,
  type SendEstimate,
  totalCost,
} from './cost-estimate.js';

/**
 * The estimate of a prepared send: the text it would submit with its encoding, segments
 * and exact cost per channel, and beside it the text as written and as smart encoding
 * would send it, with the segments and money the replacement saves.
 */
export function estimateOf(
  prepared: PreparedRecipients,
  index: ChannelIndex | undefined,
  sending: TextToSend,
): SendEstimate {
  const channels = channelCosts(prepared.groups, sending.segments.segments, index);
  const option = (text: string): EncodingOption => {
    const info = countSegments(text);
    const total = totalCost(channelCosts(prepared.groups, info.segments, index));
    return { text, encoding: info.encoding, segments: info.segments, totalCost: total.toString() };
  };
  const { smart } = sending;
  const original = option(sending.written);
  const smartOption = smart.applied ? option(smart.text) : original;
  return {
    ...sending.segments,
    recipients: prepared.groups.reduce((sum, group) => sum + group.phones.length, 0),
    rejected: prepared.rejected,
    duplicates: prepared.duplicates,
    channels,
    totalCost: totalCost(channels).toString(),
    complete: channels.every((line) => line.cost !== undefined),
    text: sending.text,
    smartEncoding: {
      used: sending.smartEncoded,
      applicable: smart.applied,
      original,
      smart: smartOption,
      segmentsSaved: original.segments - smartOption.segments,
      costSaved: Decimal.parse(original.totalCost)
        .subtract(Decimal.parse(smartOption.totalCost))
        .toString(),
      replacements: smart.replacements,
      blockedBy: smart.blockedBy,
    },
  };
}
