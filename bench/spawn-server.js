import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Spawns a server process that prints its URL as its first line; resolves with the URL and a stop(). */
export async function spawnServer(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
}
