import { type BulkSummary, Decimal, sendBulk } from '@intl-sms/core';
import { confirmPaidSend } from '../confirm.js';
import { type GlobalOptions, transportFor } from '../context.js';
import { csvRecipients } from '../csv-recipients.js';
import { parsePositive } from '../duration.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';
import { runState } from '../run-state.js';

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
  readonly dryRun?: boolean;
  readonly yes?: boolean;
}

const ESTIMATE_CHUNK = 10_000;

/**
 * `intl-sms send --file recipients.csv`: streams the file (twice when a confirmation or
 * dry run needs the totals first), sends with bounded concurrency and rate, and prints a
 * summary. Ctrl-C stops reading; sends in flight finish; the summary says what was sent.
 */
export async function sendFile(options: SendFileOptions, global: GlobalOptions): Promise<void> {
  if (!options.text && !options.textColumn)
    throw new UsageError('Give the message with --text, or a --text-column of the CSV');
  const columns = {
    phone: options.column ?? 'phone',
    ...(options.textColumn ? { text: options.textColumn } : {}),
  };
  const concurrency = options.concurrency ? parsePositive(options.concurrency, '--concurrency') : 2;
  const rate = options.rate ? parsePositive(options.rate, '--rate', false) : undefined;
  const chunkSize = options.batchSize ? parsePositive(options.batchSize, '--batch-size') : 10_000;
  if (chunkSize > 10_000)
    throw new UsageError('--batch-size is at most 10000 (the provider limit per submit)');
  const sms = transportFor(global);
  try {
    let total = 0;
    if (options.dryRun || !options.yes) {
      const totals = await estimateFile(sms, options.file, columns, options.text, options.channel);
      total = totals.recipients;
      const summary = `${totals.recipients} recipient(s) in ${options.file} (${totals.rejected} will not be sent), ${totals.segments} segment(s) in all, total cost ${totals.cost}; balance ${totals.balance}`;
      if (options.dryRun) {
        if (global.json) printJson({ dryRun: true, ...totals });
        else printLines(summary, 'dry run: nothing was sent');
        return;
      }
      if (!(await confirmPaidSend(summary, options.yes))) {
        printLines('Not sent.');
        runState.exitCode = EXIT.usage;
        return;
      }
    }
    const controller = new AbortController();
    const interrupt = () => {
      if (controller.signal.aborted) process.exit(EXIT.interrupted);
      process.stderr.write(
        '\nInterrupted: no new batches will be submitted; waiting for those in flight…\n',
      );
      controller.abort();
    };
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    const progress = createProgress('submitted', total, !global.json);
    let summary: BulkSummary;
    try {
      summary = await sendBulk(sms, csvRecipients(options.file, columns), {
        ...(options.text ? { text: options.text } : {}),
        ...(options.channel ? { channelId: options.channel } : {}),
        concurrency,
        chunkSize,
        ...(rate ? { ratePerSecond: rate } : {}),
        signal: controller.signal,
        onProgress: (p) =>
          progress.update(
            p.submitted + p.rejected + p.failed + p.unknown,
            `${p.batches} batch(es)`,
            p.read,
          ),
      });
    } finally {
      progress.stop();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
    runState.exitCode = summary.aborted
      ? EXIT.interrupted
      : summary.unknown > 0
        ? EXIT.network
        : summary.failed + summary.rejected > 0
          ? EXIT.partial
          : EXIT.ok;
    if (global.json) return printJson({ interrupted: summary.aborted, ...summary });
    printLines(
      ...summary.batchList.map((b) => `batch ${b.id}:${b.recipients} via channel ${b.channelId}`),
      `read ${summary.read}: ${summary.submitted} sent, ${summary.rejected} not sent (invalid), ${summary.failed} failed, ${summary.unknown} unknown outcome${summary.aborted ? ' — interrupted' : ''}`,
      ...summary.unknownRecipients
        .slice(0, 20)
        .map((u) => `unknown outcome (check before resending): ${u.input}`),
    );
  } finally {
    await sms.close();
  }
}

async function estimateFile(
  sms: ReturnType<typeof transportFor>,
  file: string,
  columns: { phone: string; text?: string },
  text: string | undefined,
  channel: string | undefined,
) {
  let recipients = 0;
  let rejected = 0;
  let segments = 0;
  let cost = Decimal.zero(4);
  const byText = new Map<string, string[]>();
  const flush = async (body: string, to: string[]) => {
    const estimate = await sms.estimate({
      to,
      text: body,
      ...(channel ? { channelId: channel } : {}),
    });
    recipients += estimate.recipients;
    rejected += estimate.rejected.length + estimate.duplicates.length;
    segments += estimate.segments * estimate.recipients;
    cost = cost.add(Decimal.parse(estimate.totalCost));
  };
  for await (const recipient of csvRecipients(file, columns)) {
    const to = typeof recipient === 'string' ? recipient : recipient.to;
    const body = (typeof recipient === 'string' ? undefined : recipient.text) ?? text ?? '';
    if (!body) {
      rejected++;
      continue;
    }
    const list = byText.get(body) ?? [];
    list.push(to);
    byText.set(body, list);
    if (list.length >= ESTIMATE_CHUNK) {
      byText.delete(body);
      await flush(body, list);
    }
  }
  for (const [body, list] of byText) await flush(body, list);
  const balance = await sms.getBalance();
  return {
    recipients,
    rejected,
    segments,
    cost: cost.toString(),
    balance: balance.amount,
    balanceAfter: balance.value.subtract(cost).toString(),
  };
}
