import { PartialSendError, type SendResult, waitForDelivery } from '@intl-sms/core';
import { confirmPaidSend } from '../confirm.js';
import { type GlobalOptions, transportFor } from '../context.js';
import { parseDuration } from '../duration.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';
import { recipientsFromFlag, textFromFlag } from '../recipients-flag.js';
import { runState } from '../run-state.js';
import { deliveryJson, describeDelivery } from './delivery-output.js';
import { describeEstimate, estimateWithBalance } from './estimate.js';

/** Flags of `send` in list mode. */
export interface SendListOptions {
  readonly to?: string[];
  readonly text?: string;
  readonly channel?: string;
  readonly wait?: boolean;
  readonly timeout?: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly skipInvalid?: boolean;
}

/** `intl-sms send --to ... --text ...`: estimate, confirm, send, optionally wait for receipts. */
export async function sendList(options: SendListOptions, global: GlobalOptions): Promise<void> {
  const to = recipientsFromFlag(options.to);
  const text = textFromFlag(options.text);
  const timeout = parseDuration(options.timeout ?? '10m', '--timeout');
  const sms = transportFor(global);
  try {
    const estimate = await estimateWithBalance(sms, to, text, options.channel);
    if (options.dryRun) {
      if (global.json) printJson({ dryRun: true, estimate });
      else printLines(...describeEstimate(estimate), 'dry run: nothing was sent');
      return;
    }
    if (!(await confirmPaidSend(describeEstimate(estimate).join('\n'), options.yes))) {
      printLines('Not sent.');
      runState.exitCode = EXIT.usage;
      return;
    }
    let result: SendResult;
    let partial: PartialSendError | undefined;
    try {
      result = await sms.send({
        to,
        text,
        ...(options.channel ? { channelId: options.channel } : {}),
        onInvalid: options.skipInvalid ? 'skip' : 'reject',
      });
    } catch (error) {
      if (!(error instanceof PartialSendError)) throw error;
      partial = error;
      result = error.result;
    }
    const notSent = result.rejected.length > 0 || partial !== undefined;
    let delivery: Awaited<ReturnType<typeof waitForDelivery>> | undefined;
    if (options.wait && result.batches.length > 0) {
      const progress = createProgress('receipts', result.accepted.length, !global.json);
      const final = new Map<string, number>();
      delivery = await waitForDelivery(sms, result.batches, {
        timeout,
        interval: 500,
        onReport: (report) => {
          final.set(report.id, report.delivered + report.failed);
          const done = [...final.values()].reduce((sum, n) => sum + n, 0);
          progress.update(done, 'receipts in');
        },
      }).finally(() => progress.stop());
    }
    const deliveryFailed =
      delivery !== undefined && (!delivery.complete || delivery.reports.some((r) => r.failed > 0));
    runState.exitCode = notSent || deliveryFailed ? EXIT.partial : EXIT.ok;
    if (global.json) {
      return printJson({
        batches: result.batches.map((b) => ({
          id: b.id,
          channelId: b.channelId,
          recipients: b.recipients,
        })),
        accepted: result.accepted,
        rejected: result.rejected,
        duplicates: result.duplicates,
        failed:
          partial?.failures.map((f) => ({
            channelId: f.channelId,
            phones: f.phones,
            code: f.error.code,
            message: f.error.message,
          })) ?? [],
        totalCost: estimate.totalCost,
        ...(delivery ? { delivery: deliveryJson(delivery.reports, delivery.complete) } : {}),
      });
    }
    printLines(
      ...result.batches.map(
        (b) => `batch ${b.id}:${b.recipients.length} via channel ${b.channelId}`,
      ),
      `sent to ${result.accepted.length} number(s)`,
      ...result.rejected.map((r) => `not sent ${r.input}: ${r.reason}`),
      ...(partial?.failures.map(
        (f) => `failed ${f.phones.length} number(s) on channel ${f.channelId}: ${f.error.message}`,
      ) ?? []),
      ...(delivery ? describeDelivery(delivery.reports, delivery.complete) : []),
    );
  } finally {
    await sms.close();
  }
}
