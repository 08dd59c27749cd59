import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"./][^'"]*)['"]/g;

/**
 * The npm packages a piece of code imports (ESM `import`, dynamic `import()` and
 * `require`), without Node's built-ins: `@scope/name` or `name`, subpaths dropped.
 */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
    if (!builtinModules.includes(name)) names.add(name);
  }
  return [...names].sort();
}

type Manifest = Record<string, Record<string, string> | undefined>;

/**
 * The version range the workspace itself uses for `name` (what its tests run against),
 * so an example installs what was tested, not whatever is newest; `latest` when no
 * workspace package uses it.
 */
export function workspaceRange(root: string, name: string): string {
  const manifests = [
    join(root, 'package.json'),
    ...readdirSync(join(root, 'packages')).map((dir) =>
      join(root, 'packages', dir, 'package.json'),
    ),
  ];
  for (const field of ['devDependencies', 'dependencies']) {
    for (const path of manifests) {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
      const range = manifest[field]?.[name];
      if (range && !range.startsWith('workspace:')) return range;
    }
  }
  return 'latest';
}
