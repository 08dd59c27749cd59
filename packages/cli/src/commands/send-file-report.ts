import { rm } from 'node:fs/promises';
import type { BulkInterruptedError, BulkInterruption, BulkSummary } from '@intl-sms/core';
import type { GlobalOptions } from '../context.js';
import { CsvInputError } from '../csv-input-error.js';
import { type CsvFingerprint, type CsvRecipients, fingerprintOf } from '../csv-recipients.js';
import { cliRejections } from '../error-message.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { printJson, printLines, printStderr } from '../output.js';
import { runState } from '../run-state.js';
import { type BulkRun, bulkJson, bulkLines, needsResume } from './bulk-output.js';
import { defaultSummaryPath, type ResumePoint, writeSummary } from './bulk-resume.js';
import type { SendFileOptions } from './send-file.js';

/**
 * Books the run: exit code, summary file (when given or needed to resume; it replaces
 * the run's last checkpoint, which is removed when no summary is kept), output.
 */
export async function reportRun(
  options: SendFileOptions,
  global: GlobalOptions,
  outcome: {
    summary: BulkSummary;
    stop: BulkInterruptedError | undefined;
    source: CsvRecipients;
    resume: ResumePoint | undefined;
    /** Where the run's checkpoints went, if it wrote any. */
    checkpoint: string | undefined;
    /** `--max-cost`, as a decimal string, when given. */
    maxCost: string | undefined;
  },
): Promise<void> {
  const { stop } = outcome;
  const summary = {
    ...outcome.summary,
    rejectedRecipients: cliRejections(outcome.summary.rejectedRecipients, options.textColumn),
  };
  const interruption: BulkInterruption | undefined = stop?.interruption;
  const error = stopError(stop);
  const exitCode = error ? error.exitCode : exitCodeOf(summary);
  const draft: BulkRun = {
    file: options.file,
    column: options.column ?? 'phone',
    textColumn: options.textColumn,
    summary,
    interruption,
    error,
    fingerprint: await recordedFingerprint(options, outcome.source, summary, outcome.resume),
    summaryFile: undefined,
    state: 'ended',
    maxCost: outcome.maxCost,
  };
  const path =
    options.summaryFile ??
    (needsResume(summary, interruption !== undefined)
      ? (outcome.checkpoint ?? defaultSummaryPath())
      : undefined);
  // Nothing left to resume and no summary asked for: the checkpoint has served.
  if (!path && outcome.checkpoint) await rm(outcome.checkpoint, { force: true });
  let run = draft;
  if (path) {
    try {
      await writeSummary(path, bulkJson({ ...draft, summaryFile: path }));
      run = { ...draft, summaryFile: path };
    } catch (writeError) {
      printStderr(
        `intl-sms: could not save the summary to ${path} (${(writeError as Error).message}); its resume token: ${summary.resumeToken}`,
      );
    }
  }
  runState.exitCode = exitCode;
  if (error && interruption !== 'aborted') printStderr(`intl-sms: ${error.message}`);
  if (global.json) printJson(bulkJson(run));
  else printLines(...bulkLines(run));
}

/** The exit code of a run that read its whole file. */
function exitCodeOf(summary: BulkSummary): number {
  if (summary.unknown > 0) return EXIT.network;
  const notSent = summary.failed + summary.rejected + summary.budget;
  // Nothing went out (a wrong password, every row invalid, the first batch over --max-cost):
  // a refusal, not a partial send.
  if (notSent > 0 && summary.submitted === 0) return EXIT.provider;
  if (notSent > 0) return EXIT.partial;
  return EXIT.ok;
}

/** What stopped a run, as the `error` of its JSON, with the exit code it gives. */
function stopError(stop: BulkInterruptedError | undefined): BulkRun['error'] {
  if (!stop) return undefined;
  const cause = stop.cause;
  if (cause instanceof CsvInputError) {
    return { code: cause.code, message: cause.message, exitCode: EXIT.input, ...cause.where() };
  }
  const message = cause instanceof Error ? cause.message : String(cause ?? stop.message);
  if (stop.interruption === 'aborted') {
    return { code: 'INTERRUPTED', message, exitCode: EXIT.interrupted };
  }
  const code = (cause as { code?: unknown } | undefined)?.code;
  return {
    code: typeof code === 'string' ? code : stop.code,
    message,
    exitCode: stop.interruption === 'source-error' ? EXIT.input : exitCodeFor(cause),
  };
}

/**
 * The fingerprint to record: the rows this run read, or the earlier run's when it covers
 * more rows (the resume checked them against this file before it started). When the
 * source can no longer tell (it read on past the rows booked), the rows are read again
 * from the file: a summary without a fingerprint would let a resume skip the wrong rows.
 */
export async function recordedFingerprint(
  options: Pick<SendFileOptions, 'file' | 'column' | 'textColumn'>,
  source: CsvRecipients,
  summary: BulkSummary,
  resume: ResumePoint | undefined,
): Promise<CsvFingerprint | undefined> {
  const columns = {
    phone: options.column ?? 'phone',
    ...(options.textColumn ? { text: options.textColumn } : {}),
  };
  const own =
    source.fingerprint(summary.read) ??
    (await fingerprintOf(options.file, columns, summary.read).catch(() => undefined));
  const earlier = resume?.fingerprint;
  if (earlier && (!own || earlier.rows > own.rows)) return earlier;
  return own;
}
