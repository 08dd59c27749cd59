import { spawn } from 'node:child_process';

/** How a process ended. */
export interface ProcessResult {
  /** Exit code, or `null` when a signal ended it. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when it was still running at the timeout and was killed. */
  readonly timedOut: boolean;
}

/** Options of {@link runProcess}. */
export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Kill it, with everything it started, after this many milliseconds. */
  readonly timeoutMs: number;
}

/**
 * Runs a command in its own process group with no standard input (as CI has none) and
 * kills the whole group at the timeout, so a hung example (an unclosed connection, a
 * server left running by `&`) fails instead of hanging the suite.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close', not 'exit': waits for the output pipes, which a leftover grandchild holds
    // open; the timer above kills such a leftover with the group.
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
