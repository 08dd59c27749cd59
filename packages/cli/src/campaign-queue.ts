import { NetworkError, SmsError } from '@intl-sms/core';
import type { SmsQueue } from '@intl-sms/queue';
import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from './context.js';
import { UsageError } from './exit-codes.js';
import { type QueueFlags, queueLocation } from './queue-location.js';

/** Queue errors that are the caller's to fix: usage errors (exit 1), their code kept. */
const CALLER_ERRORS = new Set([
  'VALIDATION_FAILED',
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_INPUT_MISMATCH',
  'CAMPAIGN_ACTIVE',
  'CAMPAIGN_BUSY',
]);

/** What a `campaign …` command works with. */
export interface CampaignContext {
  readonly queue: SmsQueue;
  readonly global: GlobalOptions;
  /** Where the queue is, for messages (never a password). */
  readonly where: string;
}

/**
 * Opens the queue a `campaign …` command names (see `queueLocation`), runs `use`, and
 * closes everything. With `routes`, the queue gets the sjroom transport when credentials
 * are configured, so the enqueue refuses countries without a channel at once.
 *
 * A queue waits for Redis for as long as it is away; a command must not. When Redis
 * cannot be reached the command fails at once with exit 4, naming where (never the
 * password), instead of hanging.
 */
export async function withCampaignQueue<T>(
  command: Command,
  options: { readonly routes?: boolean },
  use: (context: CampaignContext) => Promise<T>,
): Promise<T> {
  const global = command.optsWithGlobals<GlobalOptions & QueueFlags>();
  const location = await queueLocation(global);
  const transport = options.routes ? optionalTransport(global) : undefined;
  const { createSmsQueue } = await import('@intl-sms/queue');
  let unreachable: Error | undefined;
  const queue: SmsQueue = createSmsQueue({
    connection: location.connection,
    ...(location.name ? { name: location.name } : {}),
    ...(location.prefix ? { prefix: location.prefix } : {}),
    ...(transport ? { transport } : {}),
    onError: (error) => {
      if ((error as { code?: string }).code !== 'REDIS_UNAVAILABLE' || unreachable) return;
      unreachable = error;
      void queue.close({ timeoutMs: 0 });
    },
  });
  try {
    return await use({ queue, global, where: location.where });
  } catch (error) {
    throw cliError(unreachable ?? error, location.where);
  } finally {
    await queue.close({ timeoutMs: 0 });
    await transport?.close();
    location.close();
  }
}

/** The sjroom transport when credentials are configured; none (no route check) otherwise. */
function optionalTransport(global: GlobalOptions) {
  try {
    return transportFor(global);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

/** A queue error as the CLI reports it: its exit code follows `EXIT`, its code is kept. */
export function cliError(error: unknown, where: string): unknown {
  if (!SmsError.isInstance(error)) return error;
  if (error.code === 'REDIS_UNAVAILABLE')
    return new NetworkError(
      'redis',
      false,
      `Cannot reach Redis at ${where} (${(error.cause as Error | undefined)?.message ?? error.message})`,
      { cause: error },
    );
  if (!CALLER_ERRORS.has(error.code)) return error;
  const usage = new UsageError(error.message, { cause: error });
  // The --json error document names the queue's code (CAMPAIGN_NOT_FOUND, …), not USAGE.
  Object.defineProperty(usage, 'code', { value: error.code, enumerable: true });
  return usage;
}
