import type { Command } from 'commander';
import { runState } from '../run-state.js';

/** `intl-sms mock [--port N] [...]`: runs `intl-sms-mock` with the same flags. */
export function registerMock(program: Command): void {
  program
    .command('mock')
    .description('Start the sjroom mock server (all flags of intl-sms-mock; prints its URL first)')
    .allowUnknownOption()
    .helpOption(false)
    .argument('[flags...]', 'flags for intl-sms-mock, e.g. --port 4010 --seed 7')
    .addHelpText('after', '\nExamples:\n  intl-sms mock --port 4010\n  intl-sms mock -- --help')
    .action(async (flags: string[]) => {
      const { main } = await import('@intl-sms/mock-server/cli');
      runState.exitCode = await main(flags);
    });
}
