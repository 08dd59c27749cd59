import {
  BudgetExceededError,
  Decimal,
  PartialSendError,
  type SendResult,
  type SubmitFailure,
  SubmitOutcomeUnknownError,
  waitForDelivery,
} from '@intl-sms/core';
import { confirmPaidSend } from '../confirm.js';
import { type GlobalOptions, transportFor } from '../context.js';
import { maxCostFromFlag } from '../cost-flags.js';
import { parseDuration } from '../duration.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';
import { channelFromFlag, recipientsFromFlag, textFromFlag } from '../recipients-flag.js';
import { runState } from '../run-state.js';
import { deliveryJson, describeDelivery } from './delivery-output.js';
import { describeEstimate, type EstimateReport, estimateWithBalance } from './estimate.js';

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
  /** `--smart-encoding`: replace look-alike characters so the text goes out as GSM-7. */
  readonly smartEncoding?: boolean;
  /** `--max-cost`: refuse, sending nothing, when the send would cost more. */
  readonly maxCost?: string;
}

/** `intl-sms send --to ... --text ...`: estimate, confirm, send, optionally wait for receipts. */
export async function sendList(options: SendListOptions, global: GlobalOptions): Promise<void> {
  const to = recipientsFromFlag(options.to, '--file recipients.csv');
  const text = textFromFlag(options.text);
  const timeout = parseDuration(options.timeout ?? '10m', '--timeout');
  const channel = options.channel === undefined ? undefined : channelFromFlag(options.channel);
  const cap = maxCostFromFlag(options.maxCost);
  const smartEncoding = options.smartEncoding === true;
  const sms = transportFor(global);
  try {
    const estimate = await estimateWithBalance(sms, to, text, { channel, smartEncoding });
    const overBudget = cap === undefined ? undefined : budgetRefusal(estimate, cap);
    const described = describeEstimate(estimate, smartEncoding);
    if (options.dryRun) {
      const capJson = cap ? { maxCost: cap.toString(), withinMaxCost: !overBudget } : {};
      if (global.json) printJson({ dryRun: true, estimate, ...capJson });
      else
        printLines(
          ...described,
          ...wouldRefuse(estimate, options),
          ...(overBudget ? [`a real send would refuse: ${overBudget.message}`] : []),
          'dry run: nothing was sent',
        );
      return;
    }
    // Refused here, before asking: no question whose yes could not send.
    if (overBudget) throw overBudget;
    if (!(await confirmPaidSend(described.join('\n'), options.yes))) {
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
        ...(channel ? { channelId: channel } : {}),
        onInvalid: options.skipInvalid ? 'skip' : 'reject',
        ...(smartEncoding ? { smartEncoding: true } : {}),
        // The core checks the cap again against the prices of the moment of the send.
        ...(cap === undefined ? {} : { maxCost: cap.toString() }),
      });
    } catch (error) {
      if (!PartialSendError.isInstance(error)) throw error;
      partial = error;
      result = error.result;
    }
    // A submit whose outcome is unknown may have been sent: it is never listed as failed.
    const failures = partial?.failures ?? [];
    const unknown = failures.filter((f) => SubmitOutcomeUnknownError.isInstance(f.error));
    const failed = failures.filter((f) => !SubmitOutcomeUnknownError.isInstance(f.error));
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
    runState.exitCode =
      unknown.length > 0 ? EXIT.network : notSent || deliveryFailed ? EXIT.partial : EXIT.ok;
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
        failed: failed.map(failureJson),
        unknown: unknown.map(failureJson),
        text: result.text,
        encoding: result.encoding,
        segments: result.segments,
        smartEncoded: result.smartEncoded,
        totalCost: result.totalCost,
        costComplete: result.costComplete,
        estimatedCost: estimate.totalCost,
        maxCost: cap?.toString() ?? null,
        ...(delivery ? { delivery: deliveryJson(delivery.reports, delivery.complete) } : {}),
      });
    }
    printLines(
      ...result.batches.map(
        (b) => `batch ${b.id}:${b.recipients.length} via channel ${b.channelId}`,
      ),
      `sent to ${result.accepted.length} number(s)`,
      costLine(result),
      ...result.rejected.map((r) => `not sent ${r.input}: ${r.reason}`),
      ...(result.duplicates.length > 0
        ? [`${result.duplicates.length} duplicate(s) left out (each number is sent once)`]
        : []),
      ...failed.map(
        (f) =>
          `not sent ${f.phones.length} number(s) on channel ${f.channelId}: ${f.error.message}`,
      ),
      ...unknown.map(
        (f) =>
          `unknown outcome for ${f.phones.length} number(s) on channel ${f.channelId} (may have been sent: check before resending): ${f.error.message}`,
      ),
      ...(delivery ? describeDelivery(delivery.reports, delivery.complete) : []),
    );
  } finally {
    await sms.close();
  }
}

/** What the send cost, as one line: encoding, segments, total of the accepted batches. */
function costLine(result: SendResult): string {
  const smart = result.smartEncoded ? ' (smart encoding)' : '';
  const bound = result.costComplete ? '' : ' (at least: a price was unknown)';
  return `sent as ${result.encoding}${smart}, ${result.segments} segment(s) each; total cost ${result.totalCost}${bound}`;
}

/**
 * The refusal a send over `--max-cost` meets (as the core would refuse it: nothing is
 * sent), or undefined when the estimate is within the cap.
 */
function budgetRefusal(estimate: EstimateReport, cap: Decimal): BudgetExceededError | undefined {
  const details = { maxCost: cap.toString(), required: estimate.totalCost };
  if (!estimate.complete) {
    return new BudgetExceededError(
      `Nothing was sent: the price of a channel of this send is unknown, so --max-cost ${cap} cannot be checked`,
      { ...details, required: undefined },
    );
  }
  if (Decimal.parse(estimate.totalCost).compare(cap) <= 0) return undefined;
  const smart = estimate.smartEncoding;
  const hint =
    smart.applicable && !smart.used
      ? ` (with --smart-encoding it would cost ${smart.smart.totalCost})`
      : '';
  return new BudgetExceededError(
    `Nothing was sent: this send would cost ${estimate.totalCost}, over --max-cost ${cap}; raise --max-cost or shorten the text${hint}`,
    details,
  );
}

function failureJson(f: SubmitFailure) {
  return { channelId: f.channelId, phones: f.phones, code: f.error.code, message: f.error.message };
}

/** In a dry run: the refusal a real send would meet without `--skip-invalid`. */
function wouldRefuse(
  estimate: { rejected: readonly unknown[] },
  options: SendListOptions,
): string[] {
  if (estimate.rejected.length === 0 || options.skipInvalid) return [];
  return [
    `a real send would refuse: ${estimate.rejected.length} number(s) cannot be sent to; pass --skip-invalid to send to the others`,
  ];
}
