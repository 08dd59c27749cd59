import {
  BulkInterruptedError,
  type BulkOptions,
  type BulkSource,
  type BulkSummary,
  Decimal,
  type SjroomTransport,
  sendBulk,
} from '@intl-sms/core';
import { cliRejections } from '../error-message.js';
import { type BalanceCheck, balanceWarning, checkBalance } from './balance-check.js';
import { EstimatingTransport } from './estimating-transport.js';

/** What a `send --file` would do: the rows it would send, their segments and cost. */
export interface FilePlan extends BalanceCheck {
  readonly read: number;
  /** Recipients that would be submitted. */
  readonly recipients: number;
  readonly rejected: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly segments: number;
  readonly cost: string;
  /** False when some price is unknown, so `cost` is a lower bound. */
  readonly complete: boolean;
  readonly rejectedRecipients: BulkSummary['rejectedRecipients'];
  readonly duplicateRecipients: BulkSummary['duplicateRecipients'];
  /** What the texts cost as written, and as smart encoding would send them (exact). */
  readonly costAsWritten: string;
  readonly costSmartEncoded: string;
}

/** `--max-cost` against a plan: the cap and what earlier runs resumed from committed. */
export interface PlanBudget {
  readonly maxCost: Decimal;
  readonly committed: Decimal;
}

/**
 * Rows the plan holds at once, waiting to be priced. The real run groups rows by country
 * and text into submits of up to 10,000, holding up to 50,000 rows; a price does not
 * depend on that grouping, so the plan prices small groups as it reads and its memory
 * stays the same for any file, even when every row has its own text.
 */
export const PLAN_BUFFER_ROWS = 100;

/**
 * Reads the whole source (the rows of the file) through `sendBulk` with a transport that
 * only prices, so the plan makes exactly the choices of the real run (invalid rows,
 * repeats anywhere in the file, rows a resume skips). A malformed row throws its
 * `CsvInputError`; nothing is sent.
 */
export async function planFile(
  sms: SjroomTransport,
  source: BulkSource,
  textColumn: string | undefined,
  options: Pick<BulkOptions, 'text' | 'channelId' | 'resumeFrom' | 'smartEncoding'>,
): Promise<FilePlan> {
  const estimating = new EstimatingTransport(sms);
  let summary: BulkSummary;
  try {
    summary = await sendBulk(estimating, source, {
      ...options,
      chunkSize: PLAN_BUFFER_ROWS,
      maxBuffered: PLAN_BUFFER_ROWS,
    });
  } catch (error) {
    throw BulkInterruptedError.isInstance(error) ? error.cause : error;
  }
  // A failed estimate (credentials, network) is the dry run's answer, not a "failed" row.
  if (estimating.error !== undefined) throw estimating.error;
  const { totals } = estimating;
  const balance = await sms.getBalance();
  return {
    read: summary.read,
    recipients: summary.submitted,
    rejected: summary.rejected,
    duplicates: summary.duplicates,
    skipped: summary.skipped,
    segments: totals.segments,
    cost: totals.cost.toString(),
    complete: totals.complete,
    ...checkBalance(balance.value, totals.cost),
    balance: balance.amount,
    rejectedRecipients: cliRejections(summary.rejectedRecipients, textColumn),
    duplicateRecipients: summary.duplicateRecipients,
    costAsWritten: totals.original.toString(),
    costSmartEncoded: totals.smart.toString(),
  };
}

/** The text of a plan: shown by `--dry-run` and before asking to confirm. */
export function describePlan(
  plan: FilePlan,
  file: string,
  { smartEncoding = false, budget }: { smartEncoding?: boolean; budget?: PlanBudget } = {},
): string[] {
  const skipped = plan.skipped > 0 ? `, ${plan.skipped} skipped (done by an earlier run)` : '';
  const written = Decimal.parse(plan.costAsWritten);
  const smart = Decimal.parse(plan.costSmartEncoded);
  const saving =
    !smartEncoding && smart.compare(written) < 0
      ? [
          `with smart encoding (--smart-encoding) you would pay ${plan.costSmartEncoded} instead of ${plan.costAsWritten}`,
        ]
      : [];
  return [
    `${plan.recipients} of ${plan.read} row(s) in ${file} would be sent; ${plan.rejected} invalid, ${plan.duplicates} duplicate(s) (sent once)${skipped}`,
    `${plan.segments} segment(s) in all, total cost ${plan.cost}${plan.complete ? '' : ' (at least)'}; balance ${plan.balance} → ${plan.balanceAfter}`,
    ...saving,
    ...(budget ? [budgetLine(plan, budget)] : []),
    ...balanceWarning(plan, plan.complete),
  ];
}

/** Whether the plan fits under `--max-cost`, with what earlier runs committed. */
export function withinBudget(plan: FilePlan, budget: PlanBudget): boolean {
  const total = budget.committed.add(Decimal.parse(plan.cost));
  return plan.complete && total.compare(budget.maxCost) <= 0;
}

function budgetLine(plan: FilePlan, budget: PlanBudget): string {
  const earlier =
    budget.committed.compare(Decimal.zero()) > 0
      ? `; earlier runs committed ${budget.committed}`
      : '';
  if (withinBudget(plan, budget)) return `within --max-cost ${budget.maxCost}${earlier}`;
  return `over --max-cost ${budget.maxCost}${earlier}: the run will stop before the first batch that would cross it, and leave the rest unsent (--resume with a higher --max-cost sends them)`;
}
