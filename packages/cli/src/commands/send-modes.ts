import type { Command } from 'commander';
import { refuseFlags } from '../flag-checks.js';

/** Flags that only say how to read or send a CSV file. */
const FILE_ONLY = [
  'column',
  'textColumn',
  'concurrency',
  'rate',
  'batchSize',
  'resume',
  'summaryFile',
] as const;

/**
 * Refuses the flags of `send` that do not apply to its mode (`--to` or `--file`), so
 * none is accepted and ignored: e.g. `--rate` with `--to`, `--wait` with `--file`.
 */
export function checkSendMode(command: Command, mode: 'list' | 'file'): void {
  if (mode === 'list') {
    refuseFlags(
      command,
      FILE_ONLY,
      (flag) => `${flag} applies only to send --file (a CSV of recipients), not to --to`,
    );
    if (!command.getOptionValue('wait')) {
      refuseFlags(command, ['timeout'], (flag) => `${flag} applies only with --wait`);
    }
    return;
  }
  refuseFlags(
    command,
    ['wait', 'timeout'],
    (flag) =>
      `${flag} applies only to send --to. After send --file, follow the batches it prints with: intl-sms wait BATCH:COUNT...`,
  );
  if (command.getOptionValue('dryRun')) {
    refuseFlags(
      command,
      ['summaryFile'],
      (flag) =>
        `${flag} records a real send; a dry run sends nothing and writes no summary (save its --json output instead)`,
    );
  }
  refuseFlags(
    command,
    ['skipInvalid'],
    (flag) =>
      `${flag} applies only to send --to: with --file, invalid rows are always left out and listed in the summary`,
  );
}
