import { join, relative } from 'node:path';
import { runProcess } from './run-process.js';

/**
 * Compiles every TypeScript block at once with the app's own `tsc` (one program is much
 * faster than one per block; `moduleDetection: force` keeps the files apart) and returns
 * the diagnostics per source file, relative to the app (`blocks/…/L7.ts`). JavaScript is
 * emitted even where a block has errors; its test fails on the errors anyway.
 */
export async function compileBlocks(app: string): Promise<Map<string, string[]>> {
  const result = await runProcess(
    process.execPath,
    [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.docs.json', '--pretty', 'false'],
    { cwd: app, env: process.env, timeoutMs: 300_000 },
  );
  const diagnostics = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of result.stdout.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
    if (match) {
      const file = relative(app, join(app, match[1] ?? ''));
      current = diagnostics.get(file) ?? [];
      diagnostics.set(file, current);
      current.push(`(${match[2]},${match[3]}): ${match[4]}`);
    } else if (line.trim() && current) {
      current.push(line);
    } else if (line.trim()) {
      // An error of the whole program (a bad tsconfig): every block fails with it.
      diagnostics.set('*', [...(diagnostics.get('*') ?? []), line]);
    }
  }
  if (result.code !== 0 && diagnostics.size === 0) {
    diagnostics.set('*', [`tsc exited with ${result.code}: ${result.stderr || result.stdout}`]);
  }
  return diagnostics;
}
