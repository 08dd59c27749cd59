import { Decimal, type SendEstimate, type SmsMessage, type SmsTransport } from '@intl-sms/core';
import type { ChunkEstimate } from '../store/campaign-store.js';
import { type ChunkToSend, chunkMessage } from './chunk-message.js';

/** A transport that can price a send without sending (every kit transport can). */
interface Estimating {
  estimate(message: SmsMessage): Promise<SendEstimate>;
}

/**
 * What a chunk will cost when submitted as the worker will submit it: the same message
 * (text smart-encoded when the campaign says so, the same channel or routing), so
 * `price × segments × recipients` of the channel each number goes through. A price that
 * is not known — a channel missing from the list, a transport that cannot estimate —
 * gives `unknown`: the claim then leaves the chunk unsent rather than guess. Errors of
 * the estimate itself (the channel list could not be read) are thrown to the caller.
 */
export async function estimateChunk(
  transport: SmsTransport,
  chunk: ChunkToSend & { readonly generation: string },
): Promise<ChunkEstimate> {
  const { generation } = chunk;
  const estimating = transport as SmsTransport & Partial<Estimating>;
  if (typeof estimating.estimate !== 'function')
    return {
      cost: 'unknown',
      generation,
      why: `the ${transport.provider} transport cannot estimate`,
    };
  const estimate = await estimating.estimate(chunkMessage(chunk));
  if (!estimate.complete) {
    const missing = estimate.channels.filter((line) => line.cost === undefined);
    const ids = missing.map((line) => String(line.channelId)).join(', ');
    return { cost: 'unknown', generation, why: `no price for channel ${ids}` };
  }
  const cost = Decimal.parse(estimate.totalCost);
  if (cost.units < 0n)
    return { cost: 'unknown', generation, why: `a negative estimate, ${estimate.totalCost}` };
  return { cost: cost.toString(), generation };
}
