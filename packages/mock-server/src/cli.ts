import { parseArgs } from 'node:util';
import { loadMockConfig } from './config-file.js';
import { type FaultRule, faultRuleSchema } from './faults/fault-rule.js';
import { isValidToken } from './guard/request-guard.js';
import type { MockServerOptions, ReceiptDelay } from './options.js';
import { startMockServer } from './start-mock-server.js';
import { describeIssue, FIELD_ERRORS } from './wire/describe-issue.js';

const USAGE = `Usage: intl-sms-mock [options]

Starts the sjroom SMS API mock. Prints the URL it listens on as the first line.

Options:
  --port <n>            port to listen on (default 0: a free port)
  --host <host>         interface to listen on (default 127.0.0.1)
  --token <token>       require this token for the inspection API and the inbox
                        (Authorization: Bearer, or the browser's password box);
                        INTL_SMS_MOCK_TOKEN does the same out of sight of ps
  --allowed-host <name> also answer requests for this Host name (repeatable; .domain
                        for subdomains): besides localhost and IP addresses,
                        every other name is refused (DNS rebinding)
  --seed <n>            seed for channels, receipts and faults (default fixed)
  --config <file>       accounts and settings from a .json or .yaml file
  --receipt-delay <ms>  receipt delay: a number, or a range like 100-500 (default 50-400)
  --failure-rate <r>    share of ordinary numbers whose receipt fails, 0-1 (default 0)
  --fault <json>        a fault rule, e.g. '{"type":"latency","delayMs":200}' (repeatable)
  --big-ids             issue 19-digit channel ids above 2^53
  --no-inspection       serve only the four sjroom endpoints
  --log-level <level>   silent, error, warn, info, debug (default info, to stderr)
  -h, --help            show this help

Demo account: demo / demo-password, balance 1000.0000.`;

/** Parses one `--fault` JSON rule, naming the field when it is wrong. */
function faultFromFlag(text: string): FaultRule {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`--fault must be a JSON object, got ${text}`);
  }
  const parsed = faultRuleSchema.safeParse(raw, FIELD_ERRORS);
  if (!parsed.success) throw new Error(`--fault ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/** Parses `--receipt-delay` (`300` or `100-500`). */
function receiptDelay(text: string): ReceiptDelay {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) return { minMs: Number(range[1]), maxMs: Number(range[2]) };
  if (/^\d+$/.test(text)) return Number(text);
  throw new Error(`--receipt-delay must be milliseconds or a range like 100-500, got ${text}`);
}

/** `--token`, else `INTL_SMS_MOCK_TOKEN`, else the config file's `token`. */
function tokenOption(flag: string | undefined, fromFile: string | undefined): { token?: string } {
  const token = flag ?? (process.env.INTL_SMS_MOCK_TOKEN || undefined) ?? fromFile;
  if (token !== undefined && !isValidToken(token))
    throw new Error('--token must be 1 to 1024 visible ASCII characters (no spaces)');
  return token === undefined ? {} : { token };
}

function numberOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${name} must be a number from ${min} to ${max}, got ${text}`);
  }
  return value;
}

/** Hooks of {@link main}. */
export interface MainHooks {
  /** Called once the server listens, right before its URL is printed. */
  readonly onListening?: (() => void) | undefined;
}

/** Runs the CLI: parse flags, start, print the URL, stop cleanly on SIGINT/SIGTERM. */
export async function main(argv: readonly string[], hooks: MainHooks = {}): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(`intl-sms-mock: ${(error as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: MockServerOptions & { port?: number; host?: string };
  try {
    const fromFile = values.config ? await loadMockConfig(values.config) : {};
    const seed = numberOption('seed', values.seed, 0, 2 ** 32 - 1);
    const failureRate = numberOption('failure-rate', values['failure-rate'], 0, 1);
    const port = numberOption('port', values.port, 0, 65535);
    const faults = (values.fault ?? []).map(faultFromFlag);
    options = {
      ...fromFile,
      ...(faults.length > 0 ? { faults: [...(fromFile.faults ?? []), ...faults] } : {}),
      ...(seed === undefined ? {} : { seed }),
      ...(failureRate === undefined ? {} : { failureRate }),
      ...(values['receipt-delay'] ? { receiptDelay: receiptDelay(values['receipt-delay']) } : {}),
      ...(values['big-ids'] ? { bigIds: true } : {}),
      ...(values['no-inspection'] ? { inspection: false } : {}),
      ...(port === undefined ? {} : { port }),
      ...tokenOption(values.token, fromFile.token),
      ...(values['allowed-host']
        ? { allowedHosts: [...(fromFile.allowedHosts ?? []), ...values['allowed-host']] }
        : {}),
      host: values.host ?? '127.0.0.1',
      logLevel: (values['log-level'] ?? 'info') as MockServerOptions['logLevel'],
      logStream: process.stderr,
    };
  } catch (error) {
    process.stderr.write(`intl-sms-mock: ${(error as Error).message}\n`);
    return 1;
  }
  // Listen for the signals before the URL is printed: whoever reads it may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const server = await startMockServer(options);
  hooks.onListening?.();
  process.stdout.write(`${server.url}\n`);
  await stopped;
  await server.close();
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      seed: { type: 'string' },
      config: { type: 'string' },
      'receipt-delay': { type: 'string' },
      'failure-rate': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'big-ids': { type: 'boolean' },
      'no-inspection': { type: 'boolean' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
