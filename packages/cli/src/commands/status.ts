import { writeFile } from 'node:fs/promises';
import { type DeliveryReport, type SmsTransport, waitForDelivery } from '@intl-sms/core';
import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from '../context.js';
import { parseDuration } from '../duration.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';
import { runState } from '../run-state.js';
import { deliveryJson, describeDelivery } from './delivery-output.js';

/** `BATCH` or `BATCH:COUNT` (the number of recipients, as `send` prints it). */
function parseBatchArg(arg: string): { id: string; count: number | undefined } {
  const match = /^([^:\s]+)(?::(\d+))?$/.exec(arg);
  if (!match?.[1])
    throw new UsageError(`Not a batch: ${JSON.stringify(arg)} (use BATCH or BATCH:COUNT)`);
  return { id: match[1], count: match[2] === undefined ? undefined : Number(match[2]) };
}

async function writeFailed(path: string, reports: readonly DeliveryReport[]): Promise<void> {
  const rows = reports.flatMap((r) =>
    r.recipients.filter((x) => x.status === 'failed').map((x) => `${x.phone},${r.id}`),
  );
  await writeFile(path, `phone,batch\n${rows.map((row) => `${row}\n`).join('')}`);
}

function finish(
  reports: readonly DeliveryReport[],
  complete: boolean,
  global: GlobalOptions,
): void {
  const failed = reports.some((r) => r.failed > 0);
  runState.exitCode = failed || !complete ? EXIT.partial : EXIT.ok;
  if (global.json) printJson(deliveryJson(reports, complete));
  else printLines(...describeDelivery(reports, complete));
}

/** `intl-sms status BATCH...` and `intl-sms wait BATCH:COUNT... [--timeout 10m]`. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('Delivery so far of one or more batches: delivered, failed, pending')
    .argument('<batch...>', 'batch numbers, optionally BATCH:COUNT so pending numbers are counted')
    .option('--out <csv>', 'write the failed numbers to this CSV file')
    .addHelpText(
      'after',
      '\nExamples:\n  intl-sms status 20261126170001000001\n  intl-sms status 20261126170001000001:2 --out failed.csv --json',
    )
    .action(async (batches: string[], options: { out?: string }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const parsed = batches.map(parseBatchArg);
      const sms = transportFor(global);
      try {
        const reports = await Promise.all(parsed.map((b) => sms.getDeliveryReport(b.id)));
        const withCounts = reports.map((report, i) => withExpectedCount(report, parsed[i]?.count));
        if (options.out) await writeFailed(options.out, withCounts);
        finish(
          withCounts,
          withCounts.every((r) => r.complete),
          global,
        );
      } finally {
        await sms.close();
      }
    });

  program
    .command('wait')
    .description(
      'Wait until every number of the batches has a final receipt, or the timeout passes',
    )
    .argument(
      '<batch...>',
      'BATCH:COUNT as `send` prints it (the count says when a batch is complete)',
    )
    .option('--timeout <duration>', 'longest wait', '10m')
    .option('--out <csv>', 'write the failed numbers to this CSV file')
    .addHelpText(
      'after',
      '\nExamples:\n  intl-sms wait 20261126170001000001:2 --timeout 2m\n  intl-sms wait A:10000 B:5000 --out failed.csv',
    )
    .action(
      async (batches: string[], options: { timeout: string; out?: string }, command: Command) => {
        const global = command.optsWithGlobals<GlobalOptions>();
        const parsed = batches.map(parseBatchArg);
        const missing = parsed.filter((b) => b.count === undefined).map((b) => b.id);
        if (missing.length > 0) {
          throw new UsageError(
            `wait needs BATCH:COUNT to know when a batch is complete (missing for ${missing.join(', ')})`,
          );
        }
        const timeout = parseDuration(options.timeout, '--timeout');
        const sms = transportFor(global);
        const expected = parsed.reduce((sum, b) => sum + (b.count ?? 0), 0);
        const progress = createProgress('receipts', expected, !global.json);
        const seen = new Map<string, number>();
        try {
          const result = await waitForDelivery(
            countingTransport(sms, parsed),
            parsed.map((b) => b.id),
            {
              timeout,
              interval: 500,
              onReport: (report) => {
                seen.set(report.id, report.delivered + report.failed);
                progress.update(
                  [...seen.values()].reduce((a, n) => a + n, 0),
                  'receipts in',
                );
              },
            },
          );
          progress.stop();
          if (options.out) await writeFailed(options.out, result.reports);
          finish(result.reports, result.complete, global);
        } finally {
          progress.stop();
          await sms.close();
        }
      },
    );
}

/** A report's pending count and completeness when the recipient count is known. */
function withExpectedCount(report: DeliveryReport, count: number | undefined): DeliveryReport {
  if (count === undefined || report.pending !== undefined) return report;
  const pending = Math.max(0, count - report.delivered - report.failed);
  return { ...report, pending, complete: pending === 0 };
}

/** Wraps a transport so its reports know each batch's expected count. */
function countingTransport(
  sms: ReturnType<typeof transportFor>,
  parsed: { id: string; count: number | undefined }[],
): SmsTransport {
  const counts = new Map(parsed.map((b) => [b.id, b.count]));
  return {
    specificationVersion: sms.specificationVersion,
    provider: sms.provider,
    send: sms.send.bind(sms),
    getBalance: sms.getBalance.bind(sms),
    listChannels: sms.listChannels.bind(sms),
    close: sms.close.bind(sms),
    getDeliveryReport: async (id: string, options?: Parameters<typeof sms.getDeliveryReport>[1]) =>
      withExpectedCount(await sms.getDeliveryReport(id, options), counts.get(id)),
  };
}
