import { Decimal, parseMaxCost } from '@intl-sms/core';
import { CampaignInputMismatchError } from '../errors/campaign-input-mismatch-error.js';

/** A campaign's cost settings as stored: `maxCost` a decimal or `''`, `smartEncoding` `1`/`0`/`''`. */
export interface StoredCosts {
  readonly maxCost: string;
  readonly smartEncoding: string;
}

/** The cost settings a new campaign is stored with (the queue's `smartEncoding` as default). */
export function costSettings(
  input: { readonly maxCost?: string | number; readonly smartEncoding?: boolean },
  queueSmartEncoding: boolean | undefined,
): StoredCosts {
  const smart = input.smartEncoding ?? queueSmartEncoding;
  return {
    maxCost: parseMaxCost(input.maxCost, 'maxCost')?.toString() ?? '',
    smartEncoding: smart === undefined ? '' : smart ? '1' : '0',
  };
}

/**
 * Refuses an enqueue of an existing campaign that gives another `maxCost` or
 * `smartEncoding` than it was first enqueued with (`CampaignInputMismatchError`): the
 * first stands, and enqueuing again would otherwise look as if it changed them. A cap is
 * changed with `setCampaignMaxCost`.
 */
export function checkSameCosts(
  campaignId: string,
  stored: StoredCosts,
  input: { readonly maxCost?: string | number; readonly smartEncoding?: boolean },
): void {
  const cap = parseMaxCost(input.maxCost, 'maxCost');
  if (cap !== undefined && (stored.maxCost === '' || !Decimal.parse(stored.maxCost).equals(cap)))
    throw new CampaignInputMismatchError(
      'maxCost',
      `Campaign ${campaignId} was first enqueued with ${stored.maxCost === '' ? 'no maxCost' : `maxCost ${stored.maxCost}`}; enqueuing it again does not change it. Change its cap with setCampaignMaxCost (CLI: intl-sms campaign budget ${campaignId} --max-cost <amount>)`,
    );
  const smart = input.smartEncoding;
  if (smart !== undefined && stored.smartEncoding !== (smart ? '1' : '0'))
    throw new CampaignInputMismatchError(
      'smartEncoding',
      `Campaign ${campaignId} was first enqueued with smartEncoding ${stored.smartEncoding === '1' ? 'on' : stored.smartEncoding === '0' ? 'off' : "left to the workers' transport"}; enqueue it again with the same setting`,
    );
}
