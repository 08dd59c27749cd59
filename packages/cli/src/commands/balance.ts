import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from '../context.js';
import { printJson, printLines } from '../output.js';

/** `intl-sms balance`. */
export function registerBalance(program: Command): void {
  program
    .command('balance')
    .description('Show the account balance')
    .addHelpText('after', '\nExamples:\n  intl-sms balance\n  intl-sms balance --json')
    .action(async (_options: object, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const sms = transportFor(global);
      try {
        const { amount } = await sms.getBalance();
        if (global.json) printJson({ balance: amount });
        else printLines(amount);
      } finally {
        await sms.close();
      }
    });
}
