import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCachedBundle } from './code-cache.js';

const saved = process.env.INTL_SMS_MOCK_CACHE_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.INTL_SMS_MOCK_CACHE_DIR;
  else process.env.INTL_SMS_MOCK_CACHE_DIR = saved;
});

/** A CommonJS bundle with some code worth caching, and an empty cache directory. */
function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const bundle = join(root, 'bundle.cjs');
  const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + 1; }`);
  writeFileSync(
    bundle,
    `// ${root}\n${body.join('\n')}\nmodule.exports = { answer: () => f41(1), dir: __dirname, req: typeof require };\n`,
  );
  const cache = join(root, 'cache');
  process.env.INTL_SMS_MOCK_CACHE_DIR = cache;
  return { root, url: pathToFileURL(bundle), cache };
}

/**
 * Loads the bundle in a fresh process (V8 keeps compiled code per process, so only a new
 * one shows what the cache file does), saves the cache, and says what it found.
 */
function loadInChild(url: URL, cache: string): { state: string; answer: number } {
  const loader = new URL('../../dist/launch/code-cache.js', import.meta.url).href;
  const script = `import { loadCachedBundle } from ${JSON.stringify(loader)};
    const b = loadCachedBundle(new URL(${JSON.stringify(url.href)}));
    b.save();
    console.log(JSON.stringify({ state: b.state, answer: b.exports.answer() }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, INTL_SMS_MOCK_CACHE_DIR: cache },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('loadCachedBundle', () => {
  it('writes the cache once start-up is done, and the next load uses it', () => {
    const { root, url, cache } = fixture();
    const first = loadCachedBundle<{ answer: () => number; dir: string; req: string }>(url);
    expect(first.state).toBe('absent');
    expect(first.exports).toEqual({ answer: expect.any(Function), dir: root, req: 'function' });
    expect(first.exports.answer()).toBe(42);
    first.save();
    expect(readdirSync(cache)).toHaveLength(1);
    const second = loadCachedBundle<{ answer: () => number }>(url);
    expect(second.state).toBe('used');
    expect(second.exports.answer()).toBe(42);
  });

  it('runs from source when the cache is garbage, and writes a good one', () => {
    const { url, cache } = fixture();
    expect(loadInChild(url, cache)).toEqual({ state: 'absent', answer: 42 });
    expect(loadInChild(url, cache)).toEqual({ state: 'used', answer: 42 });
    const [file = ''] = readdirSync(cache);
    writeFileSync(join(cache, file), 'not a V8 cache');
    expect(loadInChild(url, cache)).toEqual({ state: 'rejected', answer: 42 });
    expect(loadInChild(url, cache)).toEqual({ state: 'used', answer: 42 });
  });

  it.runIf(typeof process.getuid === 'function')(
    'never reads a cache from a directory others may write to',
    () => {
      const { url, cache } = fixture();
      loadCachedBundle(url).save();
      chmodSync(cache, 0o777);
      expect(loadCachedBundle(url).state).toBe('off');
    },
  );

  it('is off with INTL_SMS_MOCK_CACHE_DIR=off, and still loads', () => {
    const { url } = fixture();
    process.env.INTL_SMS_MOCK_CACHE_DIR = 'off';
    const bundle = loadCachedBundle<{ answer: () => number }>(url);
    expect(bundle.state).toBe('off');
    expect(bundle.exports.answer()).toBe(42);
  });
});
