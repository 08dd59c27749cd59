import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./worker-process.mjs', import.meta.url));

/** Settings of one worker process (see `worker-process.mjs`). */
export interface WorkerProcessSettings {
  readonly redisUrl: string;
  readonly name: string;
  readonly mockUrl: string;
  readonly concurrency?: number;
  readonly lockDurationMs?: number;
  readonly limiter?: { readonly max: number; readonly durationMs: number };
  readonly sweepIntervalMs?: number;
  readonly verbose?: boolean;
}

/** A worker running in its own Node.js process. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves when the process exits. */
  readonly exited: Promise<void>;
}

/** Starts `count` worker processes and resolves once each says it is ready. */
export async function startWorkerProcesses(
  count: number,
  settings: WorkerProcessSettings,
): Promise<WorkerProcess[]> {
  return Promise.all(Array.from({ length: count }, () => startWorkerProcess(settings)));
}

async function startWorkerProcess(settings: WorkerProcessSettings): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
  return { child, exited };
}

/** Stops worker processes gracefully (SIGTERM) and waits for them. */
export async function stopWorkerProcesses(workers: readonly WorkerProcess[]): Promise<void> {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.exited));
}
