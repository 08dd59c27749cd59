import {
  BulkInterruptedError,
  type BulkOptions,
  type BulkSummary,
  Decimal,
  type SjroomTransport,
  sendBulk,
} from '@intl-sms/core';
import { confirmPaidSend } from '../confirm.js';
import { type GlobalOptions, transportFor } from '../context.js';
import { maxCostFromFlag } from '../cost-flags.js';
import { type CsvColumns, CsvRecipients } from '../csv-recipients.js';
import { parsePositive } from '../duration.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { handleInterrupts } from '../interrupt.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';
import { channelFromFlag } from '../recipients-flag.js';
import { runState } from '../run-state.js';
import { describeCounts, rowsDone } from './bulk-output.js';
import { checkSummaryPath, defaultSummaryPath, readResume } from './bulk-resume.js';
import { type CheckpointFile, checkpointFile } from './send-file-checkpoint.js';
import { describePlan, type PlanBudget, planFile, withinBudget } from './send-file-plan.js';
import { reportRun } from './send-file-report.js';

/** Flags of `send` in file mode. */
export interface SendFileOptions {
  readonly file: string;
  readonly column?: string;
  readonly textColumn?: string;
  readonly text?: string;
  readonly channel?: string;
  readonly concurrency?: string;
  readonly batchSize?: string;
  readonly rate?: string;
  readonly resume?: string;
  readonly summaryFile?: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  /** `--smart-encoding`: replace look-alike characters so the texts go out as GSM-7. */
  readonly smartEncoding?: boolean;
  /** `--max-cost`: stop before the batch that would make the run cost more. */
  readonly maxCost?: string;
}

/**
 * `intl-sms send --file recipients.csv`: streams the file (twice when a confirmation or
 * dry run needs the totals first), sends with bounded concurrency and rate, and prints a
 * summary. Whatever stops the run — Ctrl-C, a malformed row — the summary says what was
 * sent, and `--resume` goes on without sending anything twice.
 */
export async function sendFile(options: SendFileOptions, global: GlobalOptions): Promise<void> {
  if (!options.text && !options.textColumn)
    throw new UsageError('Give the message with --text, or a --text-column of the CSV');
  const columns: CsvColumns = {
    phone: options.column ?? 'phone',
    ...(options.textColumn ? { text: options.textColumn } : {}),
  };
  const concurrency = options.concurrency ? parsePositive(options.concurrency, '--concurrency') : 2;
  const rate = options.rate ? parsePositive(options.rate, '--rate', false) : undefined;
  const chunkSize = options.batchSize ? parsePositive(options.batchSize, '--batch-size') : 10_000;
  if (chunkSize > 10_000)
    throw new UsageError('--batch-size is at most 10000 (the provider limit per submit)');
  const channel = options.channel === undefined ? undefined : channelFromFlag(options.channel);
  const cap = maxCostFromFlag(options.maxCost);
  const smartEncoding = options.smartEncoding === true;
  // Everything that can be refused is refused before the first submit.
  const source = new CsvRecipients(options.file, columns);
  await source.checkHeader();
  const resume = options.resume
    ? await readResume(options.resume, options.file, columns)
    : undefined;
  if (options.summaryFile) await checkSummaryPath(options.summaryFile, options.file);
  const bulkOptions = {
    ...(options.text ? { text: options.text } : {}),
    ...(channel ? { channelId: channel } : {}),
    ...(resume ? { resumeFrom: resume.token } : {}),
    ...(smartEncoding ? { smartEncoding: true } : {}),
  };
  const budget: PlanBudget | undefined = cap && {
    maxCost: cap,
    committed: Decimal.parse(resume?.committedCost ?? '0'),
  };
  const describe = { smartEncoding, ...(budget ? { budget } : {}) };
  const sms = transportFor(global);
  try {
    let total = 0;
    if (options.dryRun || !options.yes) {
      const rows = new CsvRecipients(options.file, columns);
      const plan = await planFile(sms, rows, columns.text, bulkOptions);
      total = plan.read;
      if (options.dryRun) {
        const capJson = budget
          ? { maxCost: cap?.toString(), withinMaxCost: withinBudget(plan, budget) }
          : {};
        if (global.json) printJson({ dryRun: true, ...plan, ...capJson });
        else printLines(...describePlan(plan, options.file, describe), 'dry run: nothing was sent');
        return;
      }
      const question = describePlan(plan, options.file, describe).join('\n');
      if (!(await confirmPaidSend(question, options.yes))) {
        printLines('Not sent.');
        runState.exitCode = EXIT.usage;
        return;
      }
    }
    // Checkpoints go where the summary will: a killed run leaves a safe resume point.
    const checkpointPath = options.summaryFile ?? defaultSummaryPath();
    if (!options.summaryFile) await checkCheckpointPath(checkpointPath, options.file);
    const maxCost = cap?.toString();
    const checkpoint = checkpointFile(checkpointPath, options, source, resume, maxCost);
    const outcome = await runBulk(sms, source, checkpoint, {
      ...bulkOptions,
      ...(maxCost === undefined ? {} : { maxCost }),
      concurrency,
      chunkSize,
      ...(rate ? { ratePerSecond: rate } : {}),
      total,
      progress: !global.json,
    });
    await reportRun(options, global, {
      ...outcome,
      source,
      resume,
      checkpoint: checkpoint.written ? checkpoint.path : undefined,
      maxCost,
    });
  } finally {
    await sms.close();
  }
}

/**
 * The real send: a checkpoint before each submit, Ctrl-C stops it in order, progress
 * goes to stderr. Resolves with the summary and, when the run stopped early, the
 * `BulkInterruptedError` that carried it.
 */
async function runBulk(
  sms: SjroomTransport,
  source: CsvRecipients,
  checkpoint: CheckpointFile,
  options: Omit<BulkOptions, 'signal' | 'onBatch' | 'onProgress' | 'beforeSubmit'> & {
    total: number;
    progress: boolean;
  },
): Promise<{ summary: BulkSummary; stop: BulkInterruptedError | undefined }> {
  const { total, progress: showProgress, ...bulkOptions } = options;
  const controller = new AbortController();
  const batches: { id: string; recipients: number }[] = [];
  const stopHandling = handleInterrupts(
    controller,
    () => batches,
    () => (checkpoint.written ? checkpoint.path : undefined),
  );
  const progress = createProgress('rows', total, showProgress);
  try {
    const summary = await sendBulk(sms, source, {
      ...bulkOptions,
      signal: controller.signal,
      beforeSubmit: checkpoint.save,
      onBatch: (batch) => {
        batches.push({ id: batch.id, recipients: batch.recipients.length });
      },
      onProgress: (p) => progress.update(rowsDone(p), `done: ${describeCounts(p)}`, p.read),
    });
    return { summary, stop: undefined };
  } catch (error) {
    if (!BulkInterruptedError.isInstance(error)) throw error;
    return { summary: error.summary, stop: error };
  } finally {
    progress.stop();
    stopHandling();
  }
}

/** Refuses a run whose checkpoint cannot be written in the working directory, before any submit. */
async function checkCheckpointPath(path: string, file: string): Promise<void> {
  await checkSummaryPath(path, file).catch(() => {
    throw new UsageError(
      `Cannot write the run's checkpoint (${path}) in the working directory: pass --summary-file with a path that can be written`,
    );
  });
}
