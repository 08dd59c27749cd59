import type { CampaignStatus } from '@intl-sms/queue';
import { EXIT } from './exit-codes.js';

const FINAL = ['completed', 'cancelled', 'needs-reconciliation', 'budget-exceeded'];

/**
 * The exit code a campaign's outcome calls for, as for `send`: 0 while it runs or when
 * everyone was accepted (and, once complete, delivered); 3 when some were rejected,
 * refused, undelivered, cancelled or left unsent for the budget; 4 when some submits'
 * outcome is unknown (reconcile).
 */
export function outcomeExitCode(status: CampaignStatus, until: 'sent' | 'complete' = 'complete') {
  const done =
    FINAL.includes(status.state) || (until === 'sent' && status.state === 'awaiting-receipts');
  if (!done) return EXIT.ok;
  const c = status.counts;
  if (c.unknown > 0) return EXIT.network;
  const lost =
    c.rejected + c.failed + c.cancelled + c.undelivered + c.receiptsExpired + (c.budget ?? 0);
  return lost > 0 ? EXIT.partial : EXIT.ok;
}

/** A campaign's status as text lines, for `campaign status` and the end of `watch`. */
export function describeCampaign(status: CampaignStatus): string[] {
  const c = status.counts;
  const lines = [
    `Campaign ${status.campaignId}: ${status.state} (${status.progress.done}/${status.progress.total} settled)`,
    `  recipients ${status.recipients}: queued ${c.queued}, accepted ${c.accepted}, rejected ${c.rejected}, failed ${c.failed}, unknown ${c.unknown}, cancelled ${c.cancelled}, budget ${c.budget ?? 0}`,
    `  of the accepted: delivered ${c.delivered}, undelivered ${c.undelivered}, pending ${c.deliveryPending}, receipts expired ${c.receiptsExpired}, untracked ${c.untracked}`,
    `  chunks ${status.chunks.done}/${status.chunks.total} settled; batches ${status.batches.total} (${status.batches.final} with final receipts)`,
  ];
  lines.push(costLine(status));
  if (status.budget?.exceeded)
    lines.push(
      `  stopped at its budget: ${status.budget.reason ?? 'maxCost reached'}; send the rest with a higher cap: intl-sms campaign budget ${status.campaignId} --max-cost <amount>`,
    );
  if (status.needsReconciliation > 0)
    lines.push(
      `  ${status.needsReconciliation} chunk(s) (${c.unknown} numbers) may or may not have been sent: intl-sms campaign reconcile ${status.campaignId}`,
    );
  if (status.failures.total > 0) {
    const shown = status.failures.items;
    lines.push(
      `  failures: ${status.failures.total}${shown.length < status.failures.total ? ` (first ${shown.length})` : ''}`,
    );
    for (const f of shown)
      lines.push(`    #${f.index} ${f.phone}: ${f.kind} ${f.code} — ${f.reason}`);
  }
  return lines;
}

/** What the campaign cost so far, and its budget. */
function costLine(status: CampaignStatus): string {
  const budget = status.budget;
  const cap =
    budget?.maxCost === undefined
      ? 'no maxCost'
      : `maxCost ${budget.maxCost}, committed ${budget.committed}${budget.exceeded ? ' (budget exceeded)' : ''}`;
  return `  total cost ${status.totalCost ?? '0'} (accepted batches, exact); ${cap}`;
}

/** A one-line summary of a snapshot, for the progress bar. */
export function progressDetail(status: CampaignStatus): string {
  const c = status.counts;
  const budget = c.budget ? `, budget ${c.budget}` : '';
  return `${status.state}: accepted ${c.accepted}, delivered ${c.delivered}, failed ${c.failed + c.rejected}, unknown ${c.unknown}${budget}, cost ${status.totalCost ?? '0'}`;
}
