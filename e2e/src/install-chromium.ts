import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Vitest global setup: the browser tests use Debian's Chromium (never a browser
 * download). Installs it with apt-get when it is missing and we are root, as on CI;
 * otherwise says how to get it.
 */
export default function installChromium(): void {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${path}: run apt-get install -y chromium (as root) or set CHROMIUM_PATH`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env });
}
