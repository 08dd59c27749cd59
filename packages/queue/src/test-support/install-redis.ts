import { execFileSync } from 'node:child_process';

/**
 * Vitest global setup: the queue tests run a real Redis, Debian's `redis-server`.
 * Installs it with apt-get when it is missing and we are root, as on CI; otherwise says
 * how to get it.
 */
export default function installRedis(): void {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return;
  } catch {}
  if (process.getuid?.() !== 0) {
    throw new Error('The queue tests need Redis: run apt-get install -y redis-server (as root)');
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'ignore', env });
}
