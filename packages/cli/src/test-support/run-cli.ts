import { type ChildProcess, spawn } from 'node:child_process';
import { DEMO_ACCOUNT, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { mockInspector } from '@intl-sms/mock-server/testing';

export const BIN = new URL('../../bin/intl-sms.js', import.meta.url).pathname;

/** What a CLI run produced. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the built `intl-sms` with the given arguments and environment (and `input` piped to it). */
export function spawnCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd?: string,
  input?: string,
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  if (input !== undefined) child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<CliRun>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** A mock server and a `run` that points the CLI at it with the demo credentials. */
export async function cliEnv() {
  const mock: RunningMockServer = await startMockServer({ receiptDelay: 0 });
  const env = {
    SJROOM_ACCOUNT: DEMO_ACCOUNT.account,
    SJROOM_PASSWORD: DEMO_ACCOUNT.password,
    SJROOM_BASE_URL: mock.url,
  };
  const run = (
    args: string[],
    extra: Record<string, string | undefined> = {},
    cwd?: string,
    input?: string,
  ) => spawnCli(args, { ...env, ...extra }, cwd, input).done;
  const inject = async (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    (
      await mock.app.inject({
        method,
        url,
        // The mock refuses a change that does not say it is JSON, even without a body.
        ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' } }),
        ...(payload === undefined ? {} : { payload: payload as object }),
      })
    ).json();
  /** The mock's inspection API, typed (`@intl-sms/mock-server/testing`). */
  const inspector = mockInspector(mock);
  /** How many times each number was submitted, from the mock's inspection API. */
  const sentPerNumber = (): Promise<Map<string, number>> => inspector.receivedCounts();
  return { mock, env, run, inject, inspector, sentPerNumber };
}
