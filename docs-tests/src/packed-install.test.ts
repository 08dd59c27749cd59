import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, inject, it } from 'vitest';

interface LockedPackage {
  readonly version?: string;
  readonly engines?: { readonly node?: string } | readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** Where npm put `name` for a package at `from` (node_modules lookup, innermost first). */
function locate(packages: Record<string, LockedPackage>, from: string, name: string) {
  for (let dir = from; ; dir = dir.slice(0, dir.lastIndexOf('/node_modules/'))) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir.includes('/node_modules/'))
      return packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
  }
}

describe('npm install of the packed packages, as a user runs it', () => {
  // An EBADENGINE warning told users on Node 20 that a dependency of fastify wanted Node
  // 22. Our packages promise Node >= 20.19: nothing they pull in may ask for more. (The
  // harness's own tools — Miniflare wants Node 22 — are not ours and are not counted.)
  it('pulls in nothing that needs a newer Node than ours (>= 20.19)', async () => {
    const lock = JSON.parse(
      await readFile(join(inject('docsApp'), 'package-lock.json'), 'utf8'),
    ) as {
      packages: Record<string, LockedPackage>;
    };
    const ours = Object.keys(lock.packages).filter((path) =>
      /^node_modules\/@intl-sms\/[^/]+$/.test(path),
    );
    expect(ours.length).toBeGreaterThanOrEqual(6);
    const seen = new Set<string>();
    const demanding: string[] = [];
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const entry = lock.packages[path] ?? {};
      const node = Array.isArray(entry.engines)
        ? undefined
        : (entry.engines as { node?: string })?.node;
      if (node && !semver.satisfies('20.19.0', node, { includePrerelease: true }))
        demanding.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version}: node ${node}`);
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        const found = locate(lock.packages, path, name);
        if (found) visit(found);
      }
    };
    for (const path of ours) visit(path);
    expect(seen.size).toBeGreaterThan(50);
    expect(demanding).toEqual([]);
  });
});
