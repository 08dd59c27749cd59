import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** What happened to the code cache when a bundle was loaded. */
export type CodeCacheState = 'off' | 'absent' | 'used' | 'rejected';

/** A CommonJS bundle loaded through V8's code cache. */
export interface CachedBundle<Exports> {
  /** The bundle's `module.exports`. */
  readonly exports: Exports;
  /** Whether a cache was found and V8 took it. */
  readonly state: CodeCacheState;
  /**
   * Writes the cache when there was none (or V8 refused it), with every function compiled
   * so far: call it once start-up is done. Never throws: a cache is only ever a speed-up.
   */
  readonly save: () => void;
}

/**
 * Loads a CommonJS bundle (the CLI's) with V8's code cache, so a start after the first
 * skips compiling the megabyte of the mock's code — what Node 22's
 * `module.enableCompileCache()` does, done here so that Node 20 gets it too. The cache
 * lives in `INTL_SMS_MOCK_CACHE_DIR`, or a directory of this user's in the OS temporary
 * directory (created `0700`, and used only when it is this user's and nobody else may
 * write to it: code from a cache runs as this process). `INTL_SMS_MOCK_CACHE_DIR=off`
 * turns it off. V8 refuses a cache made for another source, V8 version or flags; the
 * bundle then compiles as usual and the cache is written again.
 */
export function loadCachedBundle<Exports>(bundle: URL): CachedBundle<Exports> {
  const filename = fileURLToPath(bundle);
  const source = readFileSync(filename, 'utf8');
  const cacheFile = cacheFileFor(filename, source.length);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename, ...(cachedData === undefined ? {} : { cachedData }) },
  );
  const module = { exports: {} as Exports };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(filename), module, filename, dirname(filename));
  const state: CodeCacheState =
    cacheFile === undefined
      ? 'off'
      : cachedData === undefined
        ? 'absent'
        : script.cachedDataRejected
          ? 'rejected'
          : 'used';
  let saved = state === 'used' || state === 'off';
  const save = () => {
    if (saved || cacheFile === undefined) return;
    saved = true;
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cacheFile);
    } catch {
      // No cache this time: the next start compiles again.
    }
  };
  return { exports: module.exports, state, save };
}

/** Where the cache of this bundle goes, or `undefined` when there must be none. */
function cacheFileFor(filename: string, length: number): string | undefined {
  const configured = process.env.INTL_SMS_MOCK_CACHE_DIR;
  if (configured === 'off') return undefined;
  const uid = process.getuid?.();
  const dir = configured || join(tmpdir(), `intl-sms-mock-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = statSync(dir);
    // Someone else's directory, or one others may write to, could hold planted code.
    if (!info.isDirectory()) return undefined;
    if (uid !== undefined && (info.uid !== uid || (info.mode & 0o022) !== 0)) return undefined;
  } catch {
    return undefined;
  }
  const mtime = Math.trunc(statSync(filename).mtimeMs);
  const tag = `${process.version}-${process.arch}-${length}-${mtime}`;
  return join(dir, `${filename.replace(/.*[\\/]/, '')}-${tag}.v8`);
}

function readCache(file: string): Buffer | undefined {
  try {
    const uid = process.getuid?.();
    if (uid !== undefined) {
      const info = statSync(file);
      if (info.uid !== uid || (info.mode & 0o022) !== 0) return undefined;
    }
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
