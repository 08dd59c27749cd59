import { readdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap used after two forced collections, in MB. */
export function heapAfterGcMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Open file descriptors of this process (Linux). */
export function openFileDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}
