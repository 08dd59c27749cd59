import type { Command } from 'commander';
import { refuseFlags } from '../flag-checks.js';
import { runState } from '../run-state.js';

/** Global flags of `intl-sms`, none of which the mock server reads. */
const GLOBAL_FLAGS = [
  'account',
  'password',
  'passwordFile',
  'passwordStdin',
  'envFile',
  'baseUrl',
  'json',
  'verbose',
];

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
      // Commander takes the global flags wherever they stand, so `intl-sms mock --json`
      // would start the mock and quietly drop `--json`: refuse it instead.
      refuseFlags(
        program,
        GLOBAL_FLAGS,
        (flag) => `${flag} does not apply to intl-sms mock (its own flags: intl-sms mock --help)`,
      );
      const { main } = await import('@intl-sms/mock-server/cli');
      runState.exitCode = await main(flags);
    });
}
