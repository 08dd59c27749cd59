import type { BulkFailure, BulkInterruption, BulkProgress, BulkSummary } from '@intl-sms/core';
import type { CsvFingerprint } from '../csv-recipients.js';

/** A `send --file` run as the CLI reports it. */
export interface BulkRun {
  readonly file: string;
  readonly column: string;
  readonly textColumn: string | undefined;
  readonly summary: BulkSummary;
  /** Why the run stopped early, if it did. */
  readonly interruption: BulkInterruption | undefined;
  /** The stop's error, for `error` in the JSON (the CSV error, the callback's error, the signal). */
  readonly error:
    | ({ code: string; message: string; exitCode: number } & Record<string, unknown>)
    | undefined;
  /** The first rows read, as a resume checks them. */
  readonly fingerprint: CsvFingerprint | undefined;
  /** Where the summary was written, if it was. */
  readonly summaryFile: string | undefined;
  /**
   * `running`: a checkpoint, written before a submit while the run went on (if no
   * intl-sms is running, the run died; rows in flight are unknown, code `IN_FLIGHT`);
   * `ended`: the final summary.
   */
  readonly state: 'running' | 'ended';
  /** In a checkpoint, the rows of the submits in flight (counted in `unknown`). */
  readonly inFlight?: readonly IndexRange[] | undefined;
  /** `--max-cost`, as a decimal string, when the run had one. */
  readonly maxCost?: string | undefined;
}

/** Source indexes `from` to `to`, both included. */
export interface IndexRange {
  from: number;
  to: number;
}

/** Whether going on with `--resume` would send anything: a stop, submits refused, rows left at the cap. */
export function needsResume(summary: BulkSummary, interrupted: boolean): boolean {
  return interrupted || summary.failed > 0 || summary.budget > 0;
}

/** The flag to add to the same command to go on, or undefined when nothing is left to send. */
export function resumeFlag(run: BulkRun): string | undefined {
  const stopped = run.state === 'running' || run.interruption !== undefined;
  if (!needsResume(run.summary, stopped)) return undefined;
  return `--resume ${run.summaryFile ?? run.summary.resumeToken}`;
}

/** The `--json` document of a run (and the content of its summary file). */
export function bulkJson(run: BulkRun) {
  const { summary, interruption } = run;
  return {
    state: run.state,
    interrupted: interruption !== undefined,
    interruption: interruption ?? null,
    ...summary,
    source: {
      file: run.file,
      column: run.column,
      textColumn: run.textColumn ?? null,
      rows: run.fingerprint?.rows ?? null,
      sha256: run.fingerprint?.sha256 ?? null,
    },
    inFlight: run.inFlight ?? [],
    maxCost: run.maxCost ?? null,
    summaryFile: run.summaryFile ?? null,
    resume: resumeFlag(run) ?? null,
    ...(run.error ? { error: run.error } : {}),
  };
}

/** Rows processed so far: every row read that landed in a bucket (not those still buffered). */
export function rowsDone(p: BulkProgress): number {
  return p.submitted + p.duplicates + p.rejected + p.failed + p.unknown + p.skipped + p.budget;
}

/** The counts of a run or of its progress, each under its own name. */
export function describeCounts(p: BulkProgress): string {
  const skipped = p.skipped > 0 ? `, ${p.skipped} skipped (done by an earlier run)` : '';
  const budget = p.budget > 0 ? `, ${p.budget} left unsent at --max-cost` : '';
  return `${p.submitted} sent, ${p.duplicates} duplicate(s) (sent once), ${p.rejected} invalid (not sent), ${p.failed} failed (not sent), ${p.unknown} unknown outcome${skipped}${budget}; cost ${p.totalCost}`;
}

const SHOWN = 10;

function listed(title: string, rows: readonly string[]): string[] {
  if (rows.length === 0) return [];
  const more = rows.length > SHOWN ? [`  … and ${rows.length - SHOWN} more (see --json)`] : [];
  return [`${title}:`, ...rows.slice(0, SHOWN).map((row) => `  ${row}`), ...more];
}

const failureRow = (f: BulkFailure) => `row ${f.index + 1} ${f.input}: ${f.code} ${f.reason}`;

/** The text report of a run. */
export function bulkLines(run: BulkRun): string[] {
  const { summary } = run;
  const resume = resumeFlag(run);
  return [
    ...summary.batchList.map((b) => `batch ${b.id}:${b.recipients} via channel ${b.channelId}`),
    `read ${summary.read} row(s) of ${run.file}: ${describeCounts(summary)}${run.interruption ? ' — stopped early' : ''}`,
    ...listed(
      'invalid (not sent)',
      summary.rejectedRecipients.map((r) => `row ${r.index + 1} ${r.input}: ${r.reason}`),
    ),
    ...listed('not sent', summary.failedRecipients.map(failureRow)),
    ...listed('unknown outcome (may have been sent: check before resending)', [
      ...summary.unknownRecipients.map(failureRow),
    ]),
    ...(run.error ? [`stopped: ${run.error.message}`] : []),
    ...budgetLines(run),
    ...(run.summaryFile ? [`summary saved to ${run.summaryFile}`] : []),
    ...(resume
      ? [
          `to go on${run.interruption === 'source-error' ? ', fix the file, then' : ','} run the same command with ${resume}${summary.budgetExceeded ? ' --max-cost <higher>' : ''} (rows already sent, or that may have been, are skipped: nothing is sent twice)`,
        ]
      : []),
  ];
}

/** What the run cost, and, when it stopped at `--max-cost`, what it left unsent. */
function budgetLines(run: BulkRun): string[] {
  const { summary } = run;
  const cost = `total cost ${summary.totalCost}${run.maxCost === undefined ? '' : ` (--max-cost ${run.maxCost}, committed ${summary.committedCost})`}`;
  if (!summary.budgetExceeded) return [cost];
  return [
    cost,
    `stopped at --max-cost ${run.maxCost ?? '?'}: ${summary.budget} recipient(s) left unsent, nothing over the cap was submitted; --resume with a higher --max-cost sends them (the cap counts everything committed so far, earlier runs included: ${summary.committedCost})`,
  ];
}
