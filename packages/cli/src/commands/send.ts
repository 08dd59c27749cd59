import type { Command } from 'commander';
import type { GlobalOptions } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { type SendFileOptions, sendFile } from './send-file.js';
import { type SendListOptions, sendList } from './send-list.js';

/** `intl-sms send`: to a list of numbers (`--to`) or to every row of a CSV file (`--file`). */
export function registerSend(program: Command): void {
  program
    .command('send')
    .description(
      'Send an SMS to numbers (--to) or to a CSV file of recipients (--file); asks before a paid send',
    )
    .option('--to <numbers...>', 'recipients, comma-separated or repeated')
    .option('--file <csv>', 'a CSV file with a header row, streamed')
    .option('--column <name>', 'CSV column with the number', 'phone')
    .option('--text-column <name>', 'CSV column with a per-recipient text')
    .option('--text <text>', 'the message (default text with --text-column)')
    .option('--channel <id>', 'send through this channel instead of routing by country')
    .option('--wait', 'wait for delivery receipts (--to only)')
    .option('--timeout <duration>', 'longest wait for receipts', '10m')
    .option('--concurrency <n>', 'submits at once (--file)', '2')
    .option('--rate <n>', 'at most n submits per second (--file)')
    .option('--batch-size <n>', 'numbers per submit, at most 10000 (--file)', '10000')
    .option('--skip-invalid', 'send to the valid numbers when some are invalid (--to)')
    .option('--dry-run', 'show recipients, segments and cost; send nothing')
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  intl-sms send --to +639171234567,+447400123456 --text "Your code is 4242" --yes --wait
  intl-sms send --to +639171234567 --text "Hi" --dry-run
  intl-sms send --file customers.csv --column mobile --text "Sale today" --rate 5 --yes
  intl-sms send --file personal.csv --text-column message --json --yes`,
    )
    .action(async (options: SendListOptions & Partial<SendFileOptions>, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      if (options.file) {
        if (options.to) throw new UsageError('Use either --to or --file, not both');
        return sendFile(options as SendFileOptions, global);
      }
      return sendList(options, global);
    });
}
