import { existsSync } from 'node:fs';
import { createSjroomTransport, type SjroomTransport } from '@intl-sms/core';
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
  return createSjroomTransport({
    account,
    password,
    ...(baseUrl ? { baseUrl } : {}),
    logger: { warn: log },
    ...(options.verbose
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
