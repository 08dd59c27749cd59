import type { SendEstimate } from '@intl-sms/core';
import { Decimal } from '@intl-sms/core';
import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from '../context.js';
import { printJson, printLines, printTable } from '../output.js';
import { channelFromFlag, recipientsFromFlag, textFromFlag } from '../recipients-flag.js';
import { type BalanceCheck, balanceWarning, checkBalance } from './balance-check.js';

/** An estimate with the balance it would leave, and whether the balance covers it. */
export interface EstimateReport extends SendEstimate, BalanceCheck {}

/** Prints an estimate as a table (human) — shared by `estimate` and `send`'s confirmation. */
export function describeEstimate(report: EstimateReport): string[] {
  const lines = [
    `${report.recipients} recipient(s), ${report.encoding}, ${report.segments} segment(s) each (${report.units} units, ${report.remainingInLastSegment} left in the last)`,
  ];
  if (report.nonGsmCharacters.length > 0)
    lines.push(`UCS-2 because of: ${report.nonGsmCharacters.join(' ')}`);
  for (const rejected of report.rejected)
    lines.push(`will not send ${rejected.input}: ${rejected.reason}`);
  lines.push(`total cost ${report.totalCost}; balance ${report.balance} → ${report.balanceAfter}`);
  return [...lines, ...balanceWarning(report, report.complete)];
}

/** `intl-sms estimate --to ... --text ...`. */
export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description(
      'Encoding, segments and cost per channel of a message, and the balance after; sends nothing',
    )
    .option('--to <numbers...>', 'recipients, comma-separated or repeated')
    .requiredOption('--text <text>', 'the message')
    .option('--channel <id>', 'price through this channel instead of routing by country')
    .addHelpText(
      'after',
      '\nExamples:\n  intl-sms estimate --to +639171234567,+447400123456 --text "Your code is 4242"',
    )
    .action(
      async (options: { to?: string[]; text?: string; channel?: string }, command: Command) => {
        const global = command.optsWithGlobals<GlobalOptions>();
        const to = recipientsFromFlag(options.to);
        const text = textFromFlag(options.text);
        const sms = transportFor(global);
        try {
          const report = await estimateWithBalance(
            sms,
            to,
            text,
            options.channel === undefined ? undefined : channelFromFlag(options.channel),
          );
          if (global.json) return printJson(report);
          printTable(
            ['channel', 'country', 'operator', 'recipients', 'segments', 'price', 'cost'],
            report.channels.map((c) => [
              String(c.channelId),
              c.nameEn ?? '?',
              c.operator ?? '?',
              c.recipients,
              c.segments,
              c.price ?? '?',
              c.cost ?? '?',
            ]),
          );
          printLines(...describeEstimate(report));
        } finally {
          await sms.close();
        }
      },
    );
}

/** Estimates a send and the balance it would leave. */
export async function estimateWithBalance(
  sms: ReturnType<typeof transportFor>,
  to: readonly string[],
  text: string,
  channel: string | undefined,
): Promise<EstimateReport> {
  const [estimate, balance] = await Promise.all([
    sms.estimate({ to, text, ...(channel ? { channelId: channel } : {}) }),
    sms.getBalance(),
  ]);
  return {
    ...estimate,
    ...checkBalance(balance.value, Decimal.parse(estimate.totalCost)),
    balance: balance.amount,
  };
}
