import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./close-child.mjs', import.meta.url));

/** Settings of `close-child.mjs`. */
export interface CloseChildSettings {
  readonly kind: 'queue' | 'worker';
  readonly connection: string;
  readonly timeoutMs: number;
  readonly mockUrl?: string;
  readonly name?: string;
  /** Close this long after start; without it, close on SIGTERM. */
  readonly waitMs?: number;
}

/** What the child reported once closed. */
export interface CloseReport {
  /** How long `close({ timeoutMs })` took. */
  readonly closeMs: number;
  /** What reached `onError`: codes, or messages of errors without one. */
  readonly errors: readonly string[];
  /** How the calls running at close settled (queue only). */
  readonly calls: Record<string, string>;
}

/** A child process running a queue or worker until it closes and exits by itself. */
export interface CloseChild {
  readonly child: ChildProcess;
  /** Resolves once the queue or worker is created. */
  readonly ready: Promise<void>;
  /** The child's report, once it has closed. */
  readonly report: Promise<CloseReport>;
  /** How long after the report the process exited (by itself), and its exit code. */
  readonly exit: Promise<{ readonly afterReportMs: number; readonly code: number | null }>;
}

/** Starts `close-child.mjs`; kill it in a `finally` in case it never exits. */
export function startCloseChild(settings: CloseChildSettings): CloseChild {
  const child = spawn(process.execPath, [script, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let reportedAt = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      out += data.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${out}`)));
  });
  const report = new Promise<CloseReport>((resolve) => {
    child.stdout?.on('data', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line || reportedAt) return;
      reportedAt = performance.now();
      resolve(JSON.parse(line) as CloseReport);
    });
  });
  const exit = new Promise<{ afterReportMs: number; code: number | null }>((resolve) => {
    child.once('exit', (code) => resolve({ afterReportMs: performance.now() - reportedAt, code }));
  });
  ready.catch(() => {});
  return { child, ready, report, exit };
}

/** A server that accepts connections and never answers: a client waits for Redis forever. */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
