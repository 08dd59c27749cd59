import { existsSync } from 'node:fs';
import { ConfigurationError, createSjroomTransport, type SjroomTransport } from '@intl-sms/core';
import { UsageError } from './exit-codes.js';

/** Flags every command accepts. */
export interface GlobalOptions {
  readonly account?: string;
  readonly password?: string;
  readonly baseUrl?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
}

/** Loads `.env` from the working directory, without overriding variables already set. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = `${cwd}/.env`;
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * The transport for a command: flags, then `SJROOM_*` variables (and `.env`). With
 * `--verbose`, one line per request on stderr — endpoint, status, time; never a credential.
 */
export function transportFor(options: GlobalOptions): SjroomTransport {
  const account = options.account ?? process.env.SJROOM_ACCOUNT;
  const password = options.password ?? process.env.SJROOM_PASSWORD;
  if (!account || !password) {
    throw new UsageError(
      'No credentials: pass --account and --password, set SJROOM_ACCOUNT and SJROOM_PASSWORD, or put them in .env',
    );
  }
  const baseUrl = options.baseUrl ?? (process.env.SJROOM_BASE_URL || undefined);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    return createTransport(account, password, baseUrl, options.verbose === true, log);
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
