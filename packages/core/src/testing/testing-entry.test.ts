import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/', import.meta.url).pathname;

/** Every module a built entry loads, following relative static imports. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const code = readFileSync(file, 'utf8');
    const specifiers = [...code.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(
      (m) => m[1] as string,
    );
    graph.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(file), s));
  };
  visit(resolve(DIST, entry));
  return graph;
}

describe('@intl-sms/core/testing', () => {
  it('loads no test runner: FakeTransport works without vitest installed', () => {
    const imports = [...moduleGraph('testing/index.js').values()].flat();
    expect(imports.filter((s) => !s.startsWith('.'))).not.toContain('vitest');
    expect(imports.length).toBeGreaterThan(5);
  });

  it('keeps the vitest conformance suite on its own entry', () => {
    const imports = [...moduleGraph('testing/conformance-entry.js').values()].flat();
    expect(imports).toContain('vitest');
  });
});
