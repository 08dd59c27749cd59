import type { CampaignInput, EnqueueResult } from '@intl-sms/queue';
import type { Command } from 'commander';
import { withCampaignQueue } from '../campaign-queue.js';
import { type CsvColumns, CsvRecipients } from '../csv-recipients.js';
import { parsePositive } from '../duration.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { printJson, printLines } from '../output.js';
import { addQueueFlags } from '../queue-location.js';
import { channelFromFlag } from '../recipients-flag.js';
import { runState } from '../run-state.js';

/** Flags of `campaign enqueue`. */
interface EnqueueFlags {
  readonly file: string;
  readonly id: string;
  readonly column: string;
  readonly textColumn?: string;
  readonly text?: string;
  readonly channel?: string;
  readonly country?: string;
  readonly chunkSize?: string;
  readonly maxCost?: string;
  readonly smartEncoding?: boolean;
}

/** `--max-cost`: a decimal amount ≥ 0, checked before the file is read. */
export function maxCostFromFlag(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value.trim()))
    throw new UsageError(
      `--max-cost must be an amount such as 25.00, got ${JSON.stringify(value)}`,
    );
  return value.trim();
}

/** `campaign enqueue --file recipients.csv --id ID`: queue a CSV campaign for the workers. */
export function registerCampaignEnqueue(campaign: Command): void {
  addQueueFlags(
    campaign
      .command('enqueue')
      .description(
        'Queue a CSV file of recipients as a campaign: the workers send it (intl-sms worker)',
      )
      .requiredOption('--file <csv>', 'a CSV file with a header row, streamed')
      .requiredOption(
        '--id <campaignId>',
        'your id for the campaign: enqueuing it again adds nothing',
      )
      .option('--column <name>', 'CSV column with the number', 'phone')
      .option('--text-column <name>', 'CSV column with a per-recipient text')
      .option('--text <text>', 'the message (with --text-column: for rows whose text is empty)')
      .option('--channel <id>', 'send through this channel instead of routing by country')
      .option('--country <iso>', 'country of numbers written without their country code, e.g. PH')
      .option('--chunk-size <n>', 'numbers per submit, at most 10000', '10000')
      .option(
        '--max-cost <amount>',
        "stop before the submit that would take the campaign's cost over this amount (account currency, e.g. 25.00); raise it with campaign budget",
      )
      .option(
        '--smart-encoding',
        'replace curly quotes, dashes and other look-alikes with GSM-7 characters when that makes the text GSM-7 (fewer segments)',
      )
      .addHelpText(
        'after',
        `
Nothing is sent until a worker runs (intl-sms worker). Enqueuing the same --id again adds
nothing; an enqueue cut short (Ctrl-C, a malformed row) is finished by running the same
command again, with the same file and flags (other ones are refused: CAMPAIGN_INPUT_MISMATCH).

Examples:
  intl-sms campaign enqueue --file customers.csv --id spring-sale --text "Sale today"
  intl-sms campaign enqueue --file personal.csv --id notes-12 --text-column message --json
  intl-sms campaign enqueue --file customers.csv --id sale-2 --text "“Sale” — today" --smart-encoding --max-cost 25.00`,
      ),
  ).action(async (options: EnqueueFlags, command: Command) => {
    if (!options.text && !options.textColumn)
      throw new UsageError('Give the message with --text, or a --text-column of the CSV');
    const chunkSize = parsePositive(options.chunkSize ?? '10000', '--chunk-size');
    if (chunkSize > 10_000)
      throw new UsageError('--chunk-size is at most 10000 (the provider limit per submit)');
    const columns: CsvColumns = {
      phone: options.column,
      ...(options.textColumn ? { text: options.textColumn } : {}),
    };
    const recipients = new CsvRecipients(options.file, columns);
    await recipients.checkHeader();
    const input: CampaignInput = {
      campaignId: options.id,
      recipients,
      chunkSize,
      ...(options.text ? { text: options.text } : {}),
      ...(options.channel ? { channelId: channelFromFlag(options.channel) } : {}),
      ...(options.country ? { defaultCountry: options.country.toUpperCase() } : {}),
      ...(options.maxCost === undefined ? {} : { maxCost: maxCostFromFlag(options.maxCost) }),
      ...(options.smartEncoding ? { smartEncoding: true } : {}),
    };
    await withCampaignQueue(command, { routes: true }, async ({ queue, global }) => {
      // Ctrl-C: the queue is closed, the enqueue stops where it is; the same command finishes it.
      const onSignal = () => void queue.close({ timeoutMs: 0 });
      process.once('SIGINT', onSignal);
      let result: EnqueueResult;
      try {
        result = await queue.enqueueCampaign(input);
      } catch (error) {
        if ((error as { code?: string }).code !== 'QUEUE_CLOSED') throw error;
        process.stderr.write(
          `Interrupted: campaign ${options.id} is partly queued. Run the same command again to finish it.\n`,
        );
        runState.exitCode = EXIT.interrupted;
        return;
      } finally {
        process.off('SIGINT', onSignal);
      }
      runState.exitCode = result.rejected > 0 ? EXIT.partial : EXIT.ok;
      if (global.json) return printJson(result);
      const what = result.created
        ? result.resumed
          ? 'finished queueing'
          : 'queued'
        : 'was already queued';
      printLines(
        `Campaign ${result.campaignId} ${what}: ${result.recipients} recipients in ${result.submits} submit(s), ${result.rejected} rejected (listed by intl-sms campaign status ${result.campaignId}).`,
        `Follow it: intl-sms campaign watch ${result.campaignId}`,
      );
    });
  });
}
