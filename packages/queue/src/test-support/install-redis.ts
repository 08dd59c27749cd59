import { execFileSync } from 'node:child_process';

/** Whether a command runs (`--version`). */
function installed(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Vitest global setup: the queue tests run a real Redis, Debian's `redis-server`, and
 * the cluster tests put a cluster together with `redis-cli`. Installs them with apt-get
 * when missing and we are root, as on CI; otherwise says how to get them.
 */
export default function installRedis(): void {
  if (installed('redis-server') && installed('redis-cli')) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The queue tests need Redis: run apt-get install -y redis-server redis-tools (as root)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const packages = ['redis-server', 'redis-tools'];
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
}
