import type { SmsWorker } from '@intl-sms/queue';
import type { Command } from 'commander';
import { type GlobalOptions, transportFor } from '../context.js';
import { parseDuration, parsePositive } from '../duration.js';
import { EXIT } from '../exit-codes.js';
import { addQueueFlags, type QueueFlags, queueLocation } from '../queue-location.js';
import { runState } from '../run-state.js';
import { chunkLine, errorLine, noticeLine } from './worker-log.js';

/** Flags of `intl-sms worker`. */
interface WorkerFlags extends QueueFlags {
  readonly concurrency?: string;
  readonly rate?: string;
  readonly receipts: boolean;
  readonly shutdownTimeout: string;
}

/** `intl-sms worker`: runs a queue worker from environment settings until SIGTERM. */
export function registerWorker(program: Command): void {
  addQueueFlags(
    program
      .command('worker')
      .description(
        'Send the campaigns queued in Redis (intl-sms campaign enqueue) and poll their receipts, until SIGTERM',
      )
      .option(
        '--concurrency <n>',
        'chunks submitted at once (default: INTL_SMS_WORKER_CONCURRENCY, or 4)',
      )
      .option(
        '--rate <n>',
        'at most n submits per second, shared by every worker of the queue (default: INTL_SMS_WORKER_RATE; no limit)',
      )
      .option('--no-receipts', 'poll no delivery receipts (the accepted then count as untracked)')
      .option(
        '--shutdown-timeout <duration>',
        'how long SIGTERM waits for submits in flight',
        '30s',
      )
      .addHelpText(
        'after',
        `
Settings come from the environment (SJROOM_* also from --env-file), so a container needs no flags:
  REDIS_URL (or REDIS_CLUSTER_NODES), SJROOM_ACCOUNT, SJROOM_PASSWORD, SJROOM_BASE_URL,
  INTL_SMS_QUEUE, INTL_SMS_WORKER_CONCURRENCY, INTL_SMS_WORKER_RATE.
It logs one line per submit (--json: one JSON object per line). SIGTERM (or Ctrl-C) stops
it gracefully: no new submit starts, those in flight finish and are recorded; exit 0
(130 after Ctrl-C). A submit still running at --shutdown-timeout is left to reconciliation,
never sent again.

Examples:
  REDIS_URL=redis://127.0.0.1:6379 intl-sms worker
  intl-sms worker --concurrency 8 --rate 20 --json`,
      ),
  ).action(async (options: WorkerFlags, command: Command) => {
    const global = command.optsWithGlobals<GlobalOptions & WorkerFlags>();
    const json = global.json === true;
    const concurrency = numberSetting(
      options.concurrency,
      'INTL_SMS_WORKER_CONCURRENCY',
      '--concurrency',
    );
    const rate = numberSetting(options.rate, 'INTL_SMS_WORKER_RATE', '--rate');
    const shutdownMs = parseDuration(options.shutdownTimeout, '--shutdown-timeout');
    const location = await queueLocation(global);
    const transport = transportFor(global);
    const { createSmsWorker } = await import('@intl-sms/queue');
    const out = (line: string) => process.stdout.write(`${line}\n`);
    // Text: errors go to stderr. JSON: one stream of events on stdout.
    const err = (line: string) => (json ? out(line) : process.stderr.write(`${line}\n`));
    let worker: SmsWorker;
    try {
      worker = createSmsWorker({
        connection: location.connection,
        ...(location.name ? { name: location.name } : {}),
        ...(location.prefix ? { prefix: location.prefix } : {}),
        transport,
        ...(concurrency ? { concurrency } : {}),
        ...(rate ? { limiter: { max: rate, durationMs: 1_000 } } : {}),
        ...(options.receipts ? {} : { receipts: false as const }),
        onChunk: (event) => out(chunkLine(event, json)),
        onError: (error) => err(errorLine(error, json)),
      });
    } catch (error) {
      await transport.close();
      location.close();
      throw error;
    }
    const queueName = location.name ?? 'intl-sms';
    out(
      noticeLine(
        `worker of queue ${queueName} on ${location.where} started (concurrency ${concurrency ?? 4}${rate ? `, at most ${rate} submits/s` : ''}); SIGTERM or Ctrl-C stops it`,
        json,
        { queue: queueName },
      ),
    );
    await untilStopped(worker, shutdownMs, (line) => out(noticeLine(line, json)));
    await transport.close();
    location.close();
  });
}

/** Runs until SIGTERM or SIGINT, then closes the worker gracefully; a third signal quits at once. */
async function untilStopped(worker: SmsWorker, shutdownMs: number, notice: (line: string) => void) {
  let signals = 0;
  let stop = (_signal: NodeJS.Signals) => {};
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    stop = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      notice(
        `${signal}: taking no new submits; waiting up to ${shutdownMs / 1_000} s for those in flight`,
      );
      stop(signal);
    } else if (signals === 2)
      notice('still waiting for the submits in flight; a third signal quits at once');
    else process.exit(EXIT.interrupted);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const signal = await stopped;
  await worker.close({ timeoutMs: shutdownMs });
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  notice('stopped');
  runState.exitCode = signal === 'SIGINT' ? EXIT.interrupted : EXIT.ok;
}

/** A positive integer from a flag, or else from an environment variable, or undefined. */
function numberSetting(
  flag: string | undefined,
  variable: string,
  name: string,
): number | undefined {
  const text = flag ?? (process.env[variable] || undefined);
  if (text === undefined) return undefined;
  return parsePositive(text, flag === undefined ? variable : name);
}
