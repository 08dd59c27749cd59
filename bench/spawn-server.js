import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { onCore } from './cpu-pinning.js';

/**
 * Spawns a server process that prints its URL as its first line; resolves with the URL
 * and a stop(). With `cpu`, the server runs on that core (see `cpu-pinning.js`).
 */
export async function spawnServer(args, { cpu } = {}) {
  const [command, commandArgs] =
    cpu === undefined ? [process.execPath, args] : onCore(cpu, process.execPath, args);
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
}
