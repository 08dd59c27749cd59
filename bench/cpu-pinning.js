// Pins a benchmark's server and its load generator to a core each, where the machine can:
// on 2 cores, left to the scheduler they take turns on both and one 5-second run swings
// ±20 %; pinned, each has a core of its own, as a server and its clients on different
// machines would. Both sides of every comparison are pinned the same way.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Whether servers and load generators run on cores of their own. */
export const PINNED = hasTaskset && availableParallelism() >= 2;

/** The command and arguments that run `command args` on core `cpu` (unchanged if not pinned). */
export function onCore(cpu, command, args) {
  return PINNED ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

/** The core of the servers under test. */
export const SERVER_CORE = 0;
/** The core of the load generator. */
export const LOAD_CORE = 1;
