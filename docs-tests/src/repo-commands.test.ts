import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './doc-files.js';
import { runProcess } from './run-process.js';

// The root README's "two commands" are commands of this repository, not of an app, so the
// packed-app harness skips them; this checks they stay true. CI itself runs the install
// and `pnpm test` (.ci/run); the demo is run here.

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  packageManager: string;
  scripts: Record<string, string>;
};

describe("the root README's two commands", () => {
  it.each(['demo', 'test'])(
    '`npx -y pnpm@<the pinned version> install && … %s` exists',
    (script) => {
      const pinned = manifest.packageManager.replace(/^pnpm@/, '');
      const command = `npx -y pnpm@${pinned} install && npx -y pnpm@${pinned} ${script}`;
      expect(readme).toContain(command);
      expect(manifest.scripts[script], `package.json has a "${script}" script`).toBeTruthy();
      expect(readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')).toContain(`PNPM_VERSION=${pinned}`);
    },
  );

  it('the demo sends, receives both receipts and prints the balance', async () => {
    // The `demo` script builds, then runs scripts/demo.js; the build is done (this task
    // depends on it), so the script runs directly.
    expect(manifest.scripts.demo).toContain('node scripts/demo.js');
    const result = await runProcess(process.execPath, [join(REPO_ROOT, 'scripts/demo.js')], {
      cwd: REPO_ROOT,
      env: process.env,
      timeoutMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/: delivered\n[\s\S]*: delivered\n/);
    expect(result.stdout).toContain('demo finished');
  });
});
