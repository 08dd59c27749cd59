import { mkdir, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import type { DocFile } from './doc-files.js';
import type { BlockKind, CodeBlock } from './markdown-blocks.js';
import { type ProcessResult, runProcess } from './run-process.js';

/** Where the harness's services are. */
export interface BlockServices {
  readonly mockUrl: string;
  readonly redisUrl: string;
}

/** Longest a block may run; past it the block is killed and fails as hung. */
export const BLOCK_TIMEOUT_MS = 90_000;

/**
 * The environment of every block: a user's shell (PATH without any `node_modules/.bin`,
 * so a bare `intl-sms` fails as it would for a local install), the demo account at the
 * harness's mock, and the test Redis — nothing of pnpm, turbo or vitest.
 */
export function blockEnv(services: BlockServices): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.includes('node_modules'))
    .join(delimiter);
  const keep = ['HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'USER', 'SHELL'];
  return {
    ...Object.fromEntries(
      keep.flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])),
    ),
    PATH: path,
    SJROOM_ACCOUNT: 'demo',
    SJROOM_PASSWORD: 'demo-password',
    SJROOM_BASE_URL: services.mockUrl,
    REDIS_URL: services.redisUrl,
  };
}

const EXTENSION: Record<BlockKind, string> = { mjs: 'mjs', cjs: 'cjs', ts: 'ts', sh: 'sh' };

/** The source file of a block inside the app, e.g. `blocks/packages-core-README/L7.ts`. */
export function blockSource(app: string, doc: DocFile, block: CodeBlock): string {
  return join(app, 'blocks', doc.slug, `L${block.line}.${EXTENSION[block.kind ?? 'mjs']}`);
}

/** The directory a document's blocks run in: its files (`docs-test: file`) are written there. */
export function workDir(app: string, doc: DocFile): string {
  return join(app, 'work', doc.slug);
}

// Lines of a sh block the harness does not run (kept as no-ops, so line numbers hold):
// installing (the harness installed the tarballs already) and setting SJROOM_* (the
// harness points them at its own mock).
const NOT_RUN = [
  /^\s*(sudo\s+)?(npm\s+(install|i|add)|pnpm\s+add|yarn\s+add|apt-get|apt)\s/,
  /^\s*export\s+(SJROOM_\w+=\S*\s*)+(#.*)?$/,
];

/** A sh block as the bash script the harness runs. */
export function shellScript(code: string): string {
  const lines = code
    .split('\n')
    .map((line) => (NOT_RUN.some((pattern) => pattern.test(line)) ? `: # not run: ${line}` : line));
  // On the first line, so bash's line numbers are the block's; -x shows what ran.
  return `set -euxo pipefail; ${lines.join('\n')}`;
}

/** Writes a block's source where {@link blockSource} says. */
export async function writeBlock(app: string, doc: DocFile, block: CodeBlock): Promise<void> {
  const file = blockSource(app, doc, block);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, block.kind === 'sh' ? shellScript(block.code) : block.code);
}

/**
 * Runs one block in its document's work directory: `.mjs` and `.cjs` with node,
 * TypeScript as `tsc` compiled it (to `dist/`), `sh` with bash.
 */
export function runBlock(
  app: string,
  doc: DocFile,
  block: CodeBlock,
  services: BlockServices,
): Promise<ProcessResult> {
  const source = blockSource(app, doc, block);
  const options = { cwd: workDir(app, doc), env: blockEnv(services), timeoutMs: BLOCK_TIMEOUT_MS };
  switch (block.kind) {
    case 'sh':
      return runProcess('bash', [source], options);
    case 'ts':
      return runProcess(process.execPath, [compiledPath(app, source)], options);
    default:
      return runProcess(process.execPath, [source], options);
  }
}

function compiledPath(app: string, source: string): string {
  return source.replace(join(app, 'blocks'), join(app, 'dist')).replace(/\.ts$/, '.js');
}
