import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A child process the harness started, and how to stop it. */
export interface Service {
  readonly url: string;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await once(child, 'exit');
  clearTimeout(timer);
}

/** Resolves with the first stdout line that `match` accepts, or rejects if the child exits first. */
function firstLine(child: ChildProcess, match: (line: string) => boolean, what: string) {
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 30 s`)), 30_000);
    lines.on('line', (line) => {
      if (!match(line)) return;
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready`));
    });
  });
}

/**
 * Starts the mock server from the packed install (its `intl-sms-mock` bin) on a free
 * loopback port, with the demo account `demo` / `demo-password`.
 */
export async function startPackedMock(appDir: string): Promise<Service> {
  const bin = join(appDir, 'node_modules/@intl-sms/mock-server/bin/intl-sms-mock.js');
  const child = spawn(process.execPath, [bin, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await firstLine(child, (line) => line.startsWith('http://'), 'the mock server');
  return { url: url.trim(), stop: () => stopChild(child) };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/**
 * The Redis the blocks use: `INTL_SMS_TEST_REDIS_URL` when set (CI starts one), else a
 * `redis-server` started here on a free loopback port, with nothing saved to disk.
 */
export async function startRedis(): Promise<Service> {
  const given = process.env.INTL_SMS_TEST_REDIS_URL;
  if (given) return { url: given, stop: async () => {} };
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'intl-sms-docs-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await firstLine(child, (line) => line.includes('Ready to accept connections'), 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Empties the Redis database at `url` (FLUSHDB), so each block starts from nothing. */
export async function flushRedis(url: string): Promise<void> {
  const { hostname, port, pathname, password, username } = new URL(url);
  const socket = createConnection({ host: hostname || '127.0.0.1', port: Number(port) || 6379 });
  const command = (...args: string[]) =>
    `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
  const commands = [
    ...(password ? [command('AUTH', ...(username ? [username] : []), password)] : []),
    ...(pathname.length > 1 ? [command('SELECT', pathname.slice(1))] : []),
    command('FLUSHDB'),
  ];
  await once(socket, 'connect');
  socket.write(commands.join(''));
  let answer = '';
  for await (const chunk of socket) {
    answer += String(chunk);
    if (answer.split('\r\n').length > commands.length) break;
  }
  socket.destroy();
  if (answer.split('\r\n').some((line) => line.startsWith('-')))
    throw new Error(`FLUSHDB at the test Redis failed: ${answer.trim()}`);
}

/** Puts the mock back to its start state (accounts, no messages, no faults, clock speed 1). */
export async function resetMock(url: string): Promise<void> {
  const response = await fetch(new URL('/__mock/reset', url), {
    method: 'POST',
    // The mock refuses a change that does not say it is JSON, even without a body.
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`mock reset answered ${response.status}`);
}
