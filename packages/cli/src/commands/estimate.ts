import type { SendEstimate } from '@intl-sms/core';
import { Decimal } from '@intl-sms/core';
import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from '../context.js';
import { printJson, printLines, printTable } from '../output.js';
import { channelFromFlag, recipientsFromFlag, textFromFlag } from '../recipients-flag.js';
import { type BalanceCheck, balanceWarning, checkBalance } from './balance-check.js';
import { describeSmartEncoding } from './smart-encoding-lines.js';

/** An estimate with the balance it would leave, and whether the balance covers it. */
export interface EstimateReport extends SendEstimate, BalanceCheck {}

/** How to estimate: the channel to price through, and whether to smart encode the text. */
export interface EstimateChoices {
  /** `--channel`: price through this channel instead of routing by country. */
  readonly channel?: string | undefined;
  /** `--smart-encoding`: estimate the text smart encoding would send. */
  readonly smartEncoding?: boolean | undefined;
}

/**
 * Prints an estimate as lines (human) — shared by `estimate` and `send`'s confirmation;
 * `smartEncoding` says whether `--smart-encoding` was given.
 */
export function describeEstimate(report: EstimateReport, smartEncoding = false): string[] {
  const lines = [
    `${report.recipients} recipient(s), ${report.encoding}, ${report.segments} segment(s) each (${report.units} units, ${report.remainingInLastSegment} left in the last)`,
  ];
  if (report.nonGsmCharacters.length > 0)
    lines.push(`UCS-2 because of: ${report.nonGsmCharacters.join(' ')}`);
  lines.push(...describeSmartEncoding(report, smartEncoding));
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
    .option(
      '--smart-encoding',
      'estimate the text with look-alike characters (curly quotes, dashes, …) replaced by GSM-7 ones, as send --smart-encoding sends it',
    )
    .addHelpText(
      'after',
      `
Without --smart-encoding, a line says what smart encoding would save when it would.

Examples:
  intl-sms estimate --to +639171234567,+447400123456 --text "Your code is 4242"
  intl-sms estimate --to +639171234567 --text "It’s ready — come by" --smart-encoding`,
    )
    .action(
      async (
        options: { to?: string[]; text?: string; channel?: string; smartEncoding?: boolean },
        command: Command,
      ) => {
        const global = command.optsWithGlobals<GlobalOptions>();
        const to = recipientsFromFlag(options.to);
        const text = textFromFlag(options.text);
        const sms = transportFor(global);
        try {
          const report = await estimateWithBalance(sms, to, text, {
            channel: options.channel === undefined ? undefined : channelFromFlag(options.channel),
            smartEncoding: options.smartEncoding === true,
          });
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
          printLines(...describeEstimate(report, options.smartEncoding === true));
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
  { channel, smartEncoding }: EstimateChoices = {},
): Promise<EstimateReport> {
  const [estimate, balance] = await Promise.all([
    sms.estimate({
      to,
      text,
      ...(channel ? { channelId: channel } : {}),
      ...(smartEncoding ? { smartEncoding: true } : {}),
    }),
    sms.getBalance(),
  ]);
  return {
    ...estimate,
    ...checkBalance(balance.value, Decimal.parse(estimate.totalCost)),
    balance: balance.amount,
  };
}
