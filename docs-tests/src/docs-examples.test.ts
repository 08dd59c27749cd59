import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { blockSource, runBlock, workDir, writeBlock } from './block-runner.js';
import { compileBlocks } from './compile-blocks.js';
import { docFiles } from './doc-files.js';
import { flushRedis, resetMock } from './services.js';

const docs = docFiles();
const app = inject('docsApp');
const services = { mockUrl: inject('mockUrl'), redisUrl: inject('redisUrl') };
let diagnostics = new Map<string, string[]>();

beforeAll(async () => {
  for (const doc of docs) {
    await mkdir(workDir(app, doc), { recursive: true });
    // Each README's blocks run in a folder of their own, as in the reader's project
    // folder: its node_modules is the app's (`./node_modules/.bin/intl-sms` works).
    await symlink(join(app, 'node_modules'), join(workDir(app, doc), 'node_modules'), 'dir');
    for (const block of doc.blocks) {
      if (block.file) await writeFile(join(workDir(app, doc), block.file), block.code);
      if (block.kind) await writeBlock(app, doc, block);
    }
  }
  diagnostics = await compileBlocks(app);
});

const tail = (text: string) => text.split('\n').slice(-40).join('\n');

for (const doc of docs) {
  const runnable = doc.blocks.filter((block) => block.kind !== undefined);
  if (runnable.length === 0) continue;
  describe(doc.path, () => {
    for (const block of runnable) {
      it(`${doc.path}:${block.line} (${block.language})`, async () => {
        await resetMock(services.mockUrl);
        await flushRedis(services.redisUrl);
        if (block.kind === 'ts') {
          const file = blockSource(app, doc, block).slice(app.length + 1);
          const errors = [...(diagnostics.get('*') ?? []), ...(diagnostics.get(file) ?? [])];
          // tsc counts lines from the block's first line, the README from its own.
          const located = errors.map((error) =>
            error.replace(
              /^\((\d+),(\d+)\)/,
              (_, row, column) => `${doc.path}:${block.line + Number(row)}:${column}`,
            ),
          );
          expect(located, 'tsc (the tsconfig `tsc --init` writes) reports no error').toEqual([]);
        }
        const result = await runBlock(app, doc, block, services);
        const details = `\n--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}`;
        expect(result.timedOut, `did not exit by itself (killed after the timeout)${details}`).toBe(
          false,
        );
        expect(result.code, `exited with ${result.code}${details}`).toBe(0);
      });
    }
  });
}
