import type { SmsTransport } from '@intl-sms/core';
import type { CampaignStore, ChunkEstimate, Claim } from '../store/campaign-store.js';
import { persist } from '../store/persist.js';
import { estimateChunk } from './chunk-estimate.js';
import { isSafeToRetry } from './submit-outcome.js';

/** The chunk's estimate could not be made now (the channel list could not be read). */
export interface EstimateFailed {
  readonly kind: 'estimate-failed';
  readonly error: unknown;
  readonly retryDelayMs: number;
}

/** Rounds of estimate-and-claim before giving up for now (the chunk kept changing). */
const ROUNDS = 3;

/**
 * Claims chunk n. A campaign with a `maxCost` answers the first claim with the chunk's
 * numbers to estimate; the claim is then made again with the estimate, which the claim
 * script checks against the cap and commits atomically. The chunk may change in between
 * (a reconciliation resend, a raised cap queueing it again): the script then asks for a
 * new estimate. An estimate that fails for a reason that may pass (the channel list could
 * not be read) comes back as `estimate-failed`, nothing claimed; any other failure to
 * price the chunk is an unknown price, which the claim books as left unsent for the budget.
 */
export async function claimWithEstimate(
  store: CampaignStore,
  transport: () => SmsTransport,
  campaignId: string,
  n: number,
  attempt: string,
): Promise<Claim | EstimateFailed> {
  let claim = await persist(() => store.claim(campaignId, n, attempt));
  for (let round = 0; claim.kind === 'estimate' && round < ROUNDS; round++) {
    const asked = claim;
    let estimate: ChunkEstimate;
    try {
      estimate = await estimateChunk(transport(), asked);
    } catch (error) {
      if (isSafeToRetry(error))
        return { kind: 'estimate-failed', error, retryDelayMs: asked.retryDelayMs };
      const why = error instanceof Error ? error.message : String(error);
      estimate = { cost: 'unknown', generation: asked.generation, why };
    }
    claim = await persist(() => store.claim(campaignId, n, attempt, estimate));
  }
  if (claim.kind === 'estimate') {
    const error = new Error(
      `chunk ${n} of campaign ${campaignId} kept changing while it was estimated`,
    );
    return { kind: 'estimate-failed', error, retryDelayMs: claim.retryDelayMs };
  }
  return claim;
}
