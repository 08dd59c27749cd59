import { existsSync } from 'node:fs';
import {
  ConfigurationError,
  createSjroomTransport,
  SJROOM_DEFAULT_BASE_URL,
  type SjroomTransport,
} from '@intl-sms/core';
import { UsageError } from './exit-codes.js';
import { printStderr } from './output.js';

/** Flags every command accepts. */
export interface GlobalOptions {
  readonly account?: string;
  /** From `--password`, or what `--password-stdin`, `--password-file` or `--env-file` read. */
  readonly password?: string;
  readonly passwordFile?: string;
  readonly passwordStdin?: boolean;
  readonly envFile?: string;
  readonly baseUrl?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
}

/**
 * The transport for a command: flags (and what `--password-stdin`, `--password-file` and
 * `--env-file` read, see `readCredentialSources`), then `SJROOM_*` variables. A base URL
 * other than the vendor's is named on stderr, so credentials never go somewhere unseen.
 * With `--verbose`, one line per request on stderr — endpoint, status, time; never a
 * credential.
 */
export function transportFor(options: GlobalOptions): SjroomTransport {
  const account = options.account ?? process.env.SJROOM_ACCOUNT;
  const password = options.password ?? process.env.SJROOM_PASSWORD;
  if (!account || !password) {
    // Not read unless asked for: say so when one lies here.
    const hint =
      existsSync('.env') && !options.envFile
        ? ' (a .env file is here: pass --env-file .env to read it)'
        : '';
    throw new UsageError(
      `No credentials: pass --account and --password-stdin or --password-file, set SJROOM_ACCOUNT and SJROOM_PASSWORD, or name a file with --env-file${hint}`,
    );
  }
  const baseUrl = options.baseUrl ?? (process.env.SJROOM_BASE_URL || undefined);
  const log = (line: string) => printStderr(line);
  let sms: SjroomTransport;
  try {
    sms = createTransport(account, password, baseUrl, options.verbose === true, log);
  } catch (error) {
    // The core names its setting (`baseUrl`); the CLI user knows the flag. The URL is not
    // echoed: it may hold a user name and password.
    if (ConfigurationError.isInstance(error) && error.setting === 'baseUrl') {
      throw new UsageError(
        '--base-url (or SJROOM_BASE_URL) must be an absolute http:// or https:// URL without credentials (give those with --account and --password)',
      );
    }
    throw error;
  }
  const used = sms.client.baseUrl;
  if (used !== SJROOM_DEFAULT_BASE_URL)
    log(`intl-sms: using the API at ${used} (not the vendor's ${SJROOM_DEFAULT_BASE_URL})`);
  return sms;
}

function createTransport(
  account: string,
  password: string,
  baseUrl: string | undefined,
  verbose: boolean,
  log: (line: string) => void,
): SjroomTransport {
  return createSjroomTransport({
    account,
    password,
    ...(baseUrl ? { baseUrl } : {}),
    logger: { warn: log },
    ...(verbose
      ? {
          onRequest: (e) => log(`→ ${e.endpoint} (attempt ${e.attempt})`),
          onResponse: (e) => log(`← ${e.endpoint} HTTP ${e.statusCode} in ${e.durationMs} ms`),
          onError: (e) =>
            log(
              `✗ ${e.endpoint}: ${(e.error as { code?: string })?.code ?? 'error'} after ${e.durationMs} ms`,
            ),
          onRetry: (e) => log(`↻ ${e.endpoint} retry in ${e.delayMs} ms`),
        }
      : {}),
  });
}
