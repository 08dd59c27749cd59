import type { Command } from 'commander';
import type { GlobalOptions } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { type SendFileOptions, sendFile } from './send-file.js';
import { type SendListOptions, sendList } from './send-list.js';
import { checkSendMode } from './send-modes.js';

/** `intl-sms send`: to a list of numbers (`--to`) or to every row of a CSV file (`--file`). */
export function registerSend(program: Command): void {
  program
    .command('send')
    .description(
      'Send an SMS to numbers (--to) or to a CSV file of recipients (--file); asks before a paid send',
    )
    .option('--to <numbers...>', 'recipients, comma-separated or repeated')
    .option('--file <csv>', 'a CSV file with a header row, streamed')
    .option('--column <name>', 'CSV column with the number (--file)', 'phone')
    .option('--text-column <name>', 'CSV column with a per-recipient text (--file)')
    .option('--text <text>', 'the message (with --text-column: for rows whose text is empty)')
    .option('--channel <id>', 'send through this channel instead of routing by country')
    .option('--wait', 'wait for delivery receipts (--to)')
    .option('--timeout <duration>', 'longest wait for receipts (--to --wait)', '10m')
    .option('--skip-invalid', 'send to the valid numbers when some are invalid (--to)')
    .option('--concurrency <n>', 'submits at once (--file)', '2')
    .option('--rate <n>', 'at most n submits per second (--file)')
    .option('--batch-size <n>', 'numbers per submit, at most 10000 (--file)', '10000')
    .option(
      '--summary-file <path>',
      'write the summary with its resume token to this JSON file (--file)',
    )
    .option(
      '--resume <file-or-token>',
      'go on after an interrupted run: its summary file (or resume token); rows it sent are skipped (--file)',
    )
    .option(
      '--smart-encoding',
      'replace characters that have a GSM-7 look-alike (curly quotes, dashes, …, non-breaking spaces) so the text goes out as GSM-7: 160 characters a segment instead of 70',
    )
    .option(
      '--max-cost <amount>',
      "the most the send may cost, in the account's currency (e.g. 2.50): --to refuses a send over it, sending nothing; --file stops before the batch that would cross it (go on with --resume and a higher --max-cost)",
    )
    .option('--dry-run', 'show recipients, segments and cost; send nothing')
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  intl-sms send --to +639171234567,+447400123456 --text "Your code is 4242" --yes --wait
  intl-sms send --to +639171234567 --text "Hi" --dry-run
  intl-sms send --to +639171234567 --text "It’s ready — come by" --smart-encoding --max-cost 0.50 --yes
  intl-sms send --file customers.csv --column mobile --text "Sale today" --rate 5 --yes
  intl-sms send --file personal.csv --text-column message --json --yes
  intl-sms send --file customers.csv --text "Sale today" --summary-file run.json --yes
  intl-sms send --file customers.csv --text "Sale today" --resume run.json --summary-file run.json --yes

A CSV has a header row; --column names the column with the number (default "phone"):
  phone,name
  +639171234567,Ana

When send --file stops early (Ctrl-C, a malformed row), it prints what was sent and
saves a summary (to --summary-file, or intl-sms-summary-<time>.json); run the same
command with --resume <that file> to go on: nothing is sent twice.`,
    )
    .action(async (options: SendListOptions & Partial<SendFileOptions>, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      if (options.file) {
        if (options.to) throw new UsageError('Use either --to or --file, not both');
        checkSendMode(command, 'file');
        return sendFile(options as SendFileOptions, global);
      }
      checkSendMode(command, 'list');
      return sendList(options, global);
    });
}
