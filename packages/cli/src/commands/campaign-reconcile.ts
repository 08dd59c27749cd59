import type { ReconcileDecision, ReconcileReport } from '@intl-sms/queue';
import type { Command } from 'commander';
import { withCampaignQueue } from '../campaign-queue.js';
import { confirmPaidSend } from '../confirm.js';
import { parseDuration } from '../duration.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { addQueueFlags } from '../queue-location.js';
import { runState } from '../run-state.js';

const DECISIONS = ['sent', 'not-sent', 'resend'] as const;

/** `campaign reconcile ID [--decide sent|not-sent|resend]`. */
export function registerCampaignReconcile(campaign: Command): void {
  addQueueFlags(
    campaign
      .command('reconcile')
      .description(
        'List the chunks of a campaign whose submit may or may not have been sent; --decide settles them',
      )
      .argument('<id>', 'the campaign id')
      .option(
        '--decide <decision>',
        'sent (count as accepted), not-sent (count as failed) or resend (submit again: may send twice)',
      )
      .option(
        '--min-age <duration>',
        'leave chunks whose worker stopped less than this ago (default 7m)',
      )
      .option('-y, --yes', 'resend without asking (required without a terminal)')
      .addHelpText(
        'after',
        `
Without --decide nothing changes: the chunks are listed (exit 4 while any is left).
Check at the provider first (its console, balance history, the receipts you have), then:
  intl-sms campaign reconcile spring-sale --decide sent
  intl-sms campaign reconcile spring-sale --decide resend --yes`,
      ),
  ).action(
    async (
      id: string,
      options: { decide?: string; minAge?: string; yes?: boolean },
      command: Command,
    ) => {
      const decision = options.decide as (typeof DECISIONS)[number] | undefined;
      if (decision !== undefined && !DECISIONS.includes(decision))
        throw new UsageError(
          `--decide must be ${DECISIONS.join(', ')}, got ${JSON.stringify(options.decide)}`,
        );
      const minAgeMs =
        options.minAge === undefined ? undefined : parseDuration(options.minAge, '--min-age');
      await withCampaignQueue(command, {}, async ({ queue, global }) => {
        const age = minAgeMs === undefined ? {} : { minAgeMs };
        if (decision === 'resend') {
          const listed = await queue.reconcile(id, age);
          const numbers = listed.items.reduce((sum, item) => sum + item.phones.length, 0);
          const summary = `Resend ${numbers} number(s) of ${listed.items.length} chunk(s) of campaign ${id}: each may have been sent already.`;
          if (numbers > 0 && !(await confirmPaidSend(summary, options.yes))) {
            process.stderr.write('Nothing was resent.\n');
            runState.exitCode = EXIT.usage;
            return;
          }
        }
        const decide = decision === undefined ? {} : { decide: (): ReconcileDecision => decision };
        const report = await queue.reconcile(id, { ...age, ...decide });
        runState.exitCode = report.kept > 0 ? EXIT.network : EXIT.ok;
        if (global.json) printJson(report);
        else printLines(...describeReport(report));
      });
    },
  );
}

function describeReport(report: ReconcileReport): string[] {
  const lines = report.items.map((item) => {
    const shown = item.phones.slice(0, 3).join(', ') + (item.phones.length > 3 ? ', …' : '');
    const why = item.workerStopped ? 'its worker stopped mid-submit' : item.error;
    return `  chunk ${item.chunk}: ${item.phones.length} number(s) (${shown}) since ${item.since.toISOString()}, ${why} → ${item.decision}`;
  });
  if (lines.length === 0) return [`Campaign ${report.campaignId}: nothing to reconcile`];
  return [
    `Campaign ${report.campaignId}: ${report.items.length} chunk(s) whose submit may or may not have been sent`,
    ...lines,
    `sent ${report.sent}, not sent ${report.notSent}, resent ${report.resent}, still unknown ${report.kept}`,
  ];
}
