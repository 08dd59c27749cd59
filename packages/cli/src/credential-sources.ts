import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import type { Command } from 'commander';
import { UsageError } from './exit-codes.js';
import { printStderr } from './output.js';

/** The variables `--env-file` may set, and the option each one stands in for. */
const ENV_FILE_VARIABLES = {
  SJROOM_ACCOUNT: 'account',
  SJROOM_PASSWORD: 'password',
  SJROOM_BASE_URL: 'baseUrl',
} as const;

/**
 * Reads what the global flags point at, before a command runs: `--password-stdin`,
 * `--password-file` and `--env-file`. Their values become the `account`, `password`
 * and `baseUrl` options, so every command reads them the same way (`transportFor`).
 * Precedence: flags, then `SJROOM_*` variables already set, then `--env-file`, as Node's
 * own `--env-file` does. A `.env` file is never read unless named: a cloned repository's
 * `.env` could otherwise send the shell's credentials to a host of its choosing.
 * `--password` on the command line is accepted with a warning: `ps` shows it to every
 * user of the machine, and the shell keeps it in its history.
 */
export async function readCredentialSources(program: Command): Promise<void> {
  const given = (key: string) => program.getOptionValueSource(key) === 'cli';
  const ways = ['password', 'passwordFile', 'passwordStdin'].filter(given);
  if (ways.length > 1) {
    throw new UsageError(
      'Give the password one way: --password-stdin, --password-file or --password (or SJROOM_PASSWORD)',
    );
  }
  if (given('password')) {
    printStderr(
      'intl-sms: warning: --password shows the password to every user of this machine (ps) and leaves it in the shell history; use SJROOM_PASSWORD, --password-file or --password-stdin',
    );
  }
  const opts = program.opts<{ passwordFile?: string; passwordStdin?: boolean; envFile?: string }>();
  if (opts.passwordStdin) {
    program.setOptionValueWithSource(
      'password',
      secretLine(await readStdin(), '--password-stdin'),
      'stdin',
    );
  }
  if (opts.passwordFile) {
    const text = await readFile(opts.passwordFile, 'utf8').catch(() => {
      throw new UsageError(`Cannot read --password-file ${opts.passwordFile}`);
    });
    program.setOptionValueWithSource(
      'password',
      secretLine(text, '--password-file'),
      'password-file',
    );
  }
  if (opts.envFile) await readEnvFile(program, opts.envFile);
}

/** Sets the options that neither a flag nor a variable already set, from an env file. */
async function readEnvFile(program: Command, path: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UsageError(`Cannot read --env-file ${path}`);
  });
  // Only the variables the CLI reads: a file must not reach NODE_TLS_REJECT_UNAUTHORIZED
  // or anything else that changes how this process behaves.
  const values = parseEnv(text);
  for (const [variable, option] of Object.entries(ENV_FILE_VARIABLES)) {
    const value = values[variable];
    if (!value || process.env[variable] || program.getOptionValue(option) !== undefined) continue;
    program.setOptionValueWithSource(option, value, 'env-file');
  }
}

/** A password file or stdin holds the password, and usually a final newline that is not part of it. */
function secretLine(text: string, flag: string): string {
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw new UsageError(`${flag}: no password there`);
  return secret;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      '--password-stdin reads the password from a pipe: printf %s "$PASSWORD" | intl-sms …',
    );
  }
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
