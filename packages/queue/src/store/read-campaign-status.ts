import { Decimal } from '@intl-sms/core';
import type {
  CampaignCounts,
  CampaignFailure,
  CampaignState,
  CampaignStatus,
} from '../campaign/campaign-status.js';
import type { RedisClient } from '../redis-connection.js';
import type { CampaignKeys } from './campaign-keys.js';

/** Which page of the failures list to include. */
export interface FailuresPage {
  /** First failure to return, in recipient order (default 0). */
  readonly offset?: number;
  /** Most failures to return (default 100; 0 for none). */
  readonly limit?: number;
}

/** Reads a campaign's counters and one page of its failures, in one round trip. */
export async function readCampaignStatus(
  redis: RedisClient,
  keys: CampaignKeys,
  campaignId: string,
  page: FailuresPage = {},
): Promise<CampaignStatus | undefined> {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 100;
  const multi = redis.multi().hgetall(keys.campaign).zcard(keys.failures).scard(keys.reconcile);
  if (limit > 0) multi.zrange(keys.failures, offset, offset + limit - 1);
  const replies = (await multi.exec()) ?? [];
  for (const [error] of replies) if (error) throw error;
  const hash = replies[0]?.[1] as Record<string, string>;
  if (!hash || Object.keys(hash).length === 0) return undefined;
  const int = (field: string) => Number.parseInt(hash[field] ?? '0', 10) || 0;
  const counts = readCounts(int);
  const settled =
    counts.accepted +
    counts.rejected +
    counts.failed +
    counts.unknown +
    counts.cancelled +
    counts.budget;
  const chunks = { total: int('chunks'), done: int('chunksDone') };
  const batches = { total: int('batches'), final: int('batchesFinal') };
  const members = (limit > 0 ? replies[3]?.[1] : []) as string[];
  return {
    campaignId,
    state: stateOf(hash, counts, chunks, batches),
    createdAt: new Date(int('createdAt')),
    updatedAt: new Date(int('updatedAt')),
    recipients: settled + counts.queued,
    counts,
    chunks,
    batches,
    needsReconciliation: replies[2]?.[1] as number,
    totalCost: decimalField(hash.totalCost),
    budget: {
      maxCost: hash.maxCost ? hash.maxCost : undefined,
      committed: decimalField(hash.committed),
      exceeded: Boolean(hash.budgetStop),
      reason: hash.budgetStop ? hash.budgetStop : undefined,
    },
    progress: { done: settled, total: settled + counts.queued },
    failures: {
      total: replies[1]?.[1] as number,
      offset,
      items: members.map((member) => JSON.parse(member) as CampaignFailure),
    },
  };
}

function readCounts(int: (field: string) => number): CampaignCounts {
  const accepted = int('accepted');
  const delivered = int('delivered');
  const undelivered = int('undelivered');
  const receiptsExpired = int('expired');
  const untracked = int('untracked');
  return {
    queued: int('queued'),
    accepted,
    rejected: int('rejected'),
    failed: int('failed'),
    unknown: int('unknown'),
    cancelled: int('cancelled'),
    budget: int('budget'),
    delivered,
    undelivered,
    deliveryPending: Math.max(0, accepted - delivered - undelivered - receiptsExpired - untracked),
    receiptsExpired,
    untracked,
  };
}

function stateOf(
  hash: Record<string, string>,
  counts: CampaignCounts,
  chunks: { total: number; done: number },
  batches: { total: number; final: number },
): CampaignState {
  if (hash.status === 'cancelled') return 'cancelled';
  if (hash.enqueue !== 'closed') return 'enqueuing';
  if (hash.status === 'paused') return 'paused';
  if (chunks.done < chunks.total) return 'sending';
  if (batches.final < batches.total) return 'awaiting-receipts';
  if (counts.unknown > 0) return 'needs-reconciliation';
  return counts.budget > 0 ? 'budget-exceeded' : 'completed';
}

/** A decimal kept by the Lua scripts, in core's form (`"0"` for a campaign of an earlier version). */
function decimalField(value: string | undefined): string {
  return value ? Decimal.parse(value).toString() : '0';
}
