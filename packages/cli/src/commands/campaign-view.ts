import type { CampaignStatus } from '@intl-sms/queue';
import type { Command } from 'commander';
import { describeCampaign, outcomeExitCode, progressDetail } from '../campaign-output.js';
import { withCampaignQueue } from '../campaign-queue.js';
import { parsePositive } from '../duration.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { createProgress, type Progress } from '../progress.js';
import { addQueueFlags } from '../queue-location.js';
import { runState } from '../run-state.js';

/** `campaign status ID` and `campaign watch ID`. */
export function registerCampaignView(campaign: Command): void {
  addQueueFlags(
    campaign
      .command('status')
      .description('Counts, progress and the first failures of a campaign')
      .argument('<id>', 'the campaign id')
      .option('--failures <n>', 'failures to list', '20'),
  ).action(async (id: string, options: { failures: string }, command: Command) => {
    const limit = parseLimit(options.failures);
    await withCampaignQueue(command, {}, async ({ queue, global }) => {
      const status = await queue.getCampaign(id, { limit });
      if (!status) throw notFound(id);
      report(status, global.json === true, 'complete');
    });
  });

  addQueueFlags(
    campaign
      .command('watch')
      .description(
        'Follow a campaign until it is done: a progress bar on a terminal, log lines otherwise',
      )
      .argument('<id>', 'the campaign id')
      .option(
        '--until <when>',
        'sent (every chunk submitted) or complete (receipts final too)',
        'complete',
      )
      .option('--failures <n>', 'failures to list at the end', '20'),
  ).action(async (id: string, options: { until: string; failures: string }, command: Command) => {
    if (options.until !== 'sent' && options.until !== 'complete')
      throw new UsageError(
        `--until must be sent or complete, got ${JSON.stringify(options.until)}`,
      );
    const until = options.until;
    const limit = parseLimit(options.failures);
    await withCampaignQueue(command, {}, async ({ queue, global }) => {
      const json = global.json === true;
      let progress: Progress | undefined;
      // Ctrl-C stops watching; the campaign goes on in the workers.
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      let last: CampaignStatus | undefined;
      try {
        for await (const status of queue.watchCampaign(id, { until, signal: stop.signal })) {
          last = status;
          // Made at the first snapshot, which tells the total (it grows while enqueuing).
          progress ??= createProgress(`campaign ${id}`, status.progress.total, !json);
          progress.update(status.progress.done, progressDetail(status), status.progress.total);
        }
      } finally {
        process.off('SIGINT', onSignal);
        progress?.stop();
      }
      if (!last) throw notFound(id);
      const final = (await queue.getCampaign(id, { limit })) ?? last;
      report(final, json, until);
      if (stop.signal.aborted) {
        process.stderr.write('Stopped watching; the campaign goes on in the workers.\n');
        runState.exitCode = EXIT.interrupted;
      }
    });
  });
}

function report(status: CampaignStatus, json: boolean, until: 'sent' | 'complete'): void {
  if (json) printJson(status);
  else printLines(...describeCampaign(status));
  runState.exitCode = outcomeExitCode(status, until);
}

function parseLimit(text: string): number {
  return text === '0' ? 0 : parsePositive(text, '--failures');
}

/** The same error a queue call gives for an unknown campaign. */
export function notFound(id: string): UsageError {
  const error = new UsageError(`No campaign ${id} in this queue (check --queue and --redis)`);
  Object.defineProperty(error, 'code', { value: 'CAMPAIGN_NOT_FOUND', enumerable: true });
  return error;
}
