import { BudgetExceededError } from '@intl-sms/core';
import { Command, CommanderError } from 'commander';
import { registerBalance } from './commands/balance.js';
import { registerCampaign } from './commands/campaign.js';
import { registerChannels } from './commands/channels.js';
import { registerEstimate } from './commands/estimate.js';
import { registerMock } from './commands/mock.js';
import { registerSend } from './commands/send.js';
import { registerStatus } from './commands/status.js';
import { registerWorker } from './commands/worker.js';
import { readCredentialSources } from './credential-sources.js';
import { CsvInputError } from './csv-input-error.js';
import { cliMessage } from './error-message.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { printJson, printStderr } from './output.js';
import { runState } from './run-state.js';
import { CLI_VERSION } from './version.js';

/** Builds the `intl-sms` program. */
export function buildProgram(): Command {
  const program = new Command('intl-sms')
    .description(
      'Send international SMS through the sjroom API, check balance and channels, follow delivery',
    )
    .version(CLI_VERSION)
    .option('--account <account>', 'sjroom account (default: SJROOM_ACCOUNT)')
    .option(
      '--password <password>',
      'sjroom password; other users see it in ps, the shell keeps it in its history: prefer SJROOM_PASSWORD, --password-file or --password-stdin',
    )
    .option('--password-file <path>', 'read the password from this file')
    .option('--password-stdin', 'read the password from standard input (a pipe)')
    .option(
      '--env-file <path>',
      'read SJROOM_ACCOUNT, SJROOM_PASSWORD and SJROOM_BASE_URL from this file (variables already set win); no .env is read without it',
    )
    .option(
      '--base-url <url>',
      'API base URL, e.g. a mock server (default: SJROOM_BASE_URL or the vendor URL); printed on stderr when not the vendor URL',
    )
    .option('--json', 'print one JSON document (stable field names) instead of text')
    .option('--verbose', 'log each request on stderr (never credentials)')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 success, 1 usage error (nothing sent), 2 refused by the provider or by --max-cost
(nothing sent), 3 partial failure (with --max-cost: some sent, the rest left for --resume),
4 network error, timeout or unknown outcome, 65 malformed CSV row (send --file: fix it and
--resume), 130 interrupted (Ctrl-C).

Examples:
  intl-sms mock --port 4010 &
  export SJROOM_ACCOUNT=demo SJROOM_PASSWORD=demo-password SJROOM_BASE_URL=http://127.0.0.1:4010
  intl-sms balance
  intl-sms balance --env-file .env
  pass show sjroom | intl-sms balance --account acme --password-stdin
  intl-sms send --to +639171234567 --text "Hello" --yes --wait`,
    );
  // What --password-stdin, --password-file and --env-file point at is read once, before
  // any command runs (the mock server takes none of them).
  program.hook('preAction', async (_program, command) => {
    if (command.name() !== 'mock') await readCredentialSources(program);
  });
  registerChannels(program);
  registerBalance(program);
  registerEstimate(program);
  registerSend(program);
  registerStatus(program);
  registerMock(program);
  registerWorker(program);
  registerCampaign(program);
  for (const command of program.commands) command.exitOverride().showHelpAfterError();
  return program;
}

/** Runs the CLI and resolves with its exit code (see `EXIT`). */
export async function main(argv: readonly string[]): Promise<number> {
  runState.exitCode = EXIT.ok;
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return runState.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help';
      return helpShown ? EXIT.ok : EXIT.usage;
    }
    const code = exitCodeFor(error);
    const message = cliMessage(error);
    if (argv.includes('--json')) {
      const where =
        error instanceof CsvInputError
          ? error.where()
          : BudgetExceededError.isInstance(error)
            ? { maxCost: error.maxCost, required: error.required ?? null }
            : {};
      printJson({
        error: {
          code: (error as { code?: string })?.code ?? 'ERROR',
          message,
          exitCode: code,
          ...where,
        },
      });
    }
    printStderr(`intl-sms: ${message}`);
    return code;
  }
}
