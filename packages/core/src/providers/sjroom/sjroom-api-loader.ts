import { ConfigurationError } from '../../errors/configuration-error.js';

/** The zod schemas module of the sjroom API. */
export type SjroomApi = typeof import('./sjroom-api.js');

/** The schemas module, as `require` names it (the dynamic import below spells it out for bundlers). */
const SCHEMAS_FILE = './sjroom-api.js';

let api: SjroomApi | undefined;
let loading: Promise<SjroomApi> | undefined;

/**
 * Loads the zod schemas of the sjroom API on the first call: zod costs about 80 ms to
 * import, which a process that only imports `@intl-sms/core` (a CLI's `--help`, a
 * serverless cold start) should not pay.
 */
export function loadSjroomApi(): Promise<SjroomApi> {
  loading ??= import('./sjroom-api.js').then((loaded) => {
    api = loaded;
    return loaded;
  });
  return loading;
}

let loadsOnDemand: boolean | undefined;

/**
 * Undefined when a call's answer can be read now, else a promise of that. On Node
 * (≥ 20.19, `require` of an ES module, with the schemas file and zod installed) it is
 * always now: the schemas load synchronously the first time an answer is not plainly
 * valid, so a process whose answers all are never loads zod (about 3.5 MB of heap, 80
 * ms). Elsewhere (Bun, Deno, Workers, Edge, a bundle) the schemas are loaded before the
 * first call, as an answer is read without waiting. Not an async function: a call that
 * has nothing to wait for does not wait a turn.
 */
export function schemasReady(): Promise<void> | undefined {
  loadsOnDemand ??= canLoadOnDemand();
  if (loadsOnDemand || api !== undefined) return undefined;
  return loadSjroomApi().then(
    () => undefined,
    (error: unknown) => {
      // Before the request: nothing was sent, and the install is what needs mending.
      throw new ConfigurationError('schemas', 'The sjroom schemas (and zod) could not be loaded', {
        cause: error,
      });
    },
  );
}

/** Whether {@link sjroomApiNow} can load the schemas: Node's `require`, and the file there. */
function canLoadOnDemand(): boolean {
  const host = globalThis as {
    process?: { versions?: { bun?: string }; features?: { require_module?: boolean } };
    Deno?: unknown;
  };
  // Runtimes that imitate Node's `process` load modules their own way: preload there.
  if (host.process?.features?.require_module !== true) return false;
  if (host.process.versions?.bun !== undefined || host.Deno !== undefined) return false;
  try {
    const require = nodeRequire();
    if (require === undefined) return false;
    require.resolve(SCHEMAS_FILE);
    // And zod, as the file's own `import 'zod'` finds it (ES module resolution, which
    // `NODE_PATH` does not widen): an install without it preloads, and so fails before a
    // request rather than while reading an answer.
    import.meta.resolve('zod');
    return true;
  } catch {
    return false;
  }
}

/** Node's `require` for this file, or undefined where there is none. */
function nodeRequire(): (NodeRequireLike & ((id: string) => unknown)) | undefined {
  // `process.getBuiltinModule` (Node ≥ 20.16) rather than an import of `node:module`,
  // which a Worker or Edge bundle could not resolve.
  const host = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const module = host?.getBuiltinModule?.('node:module') as
    | { createRequire(url: string): NodeRequireLike & ((id: string) => unknown) }
    | undefined;
  return module?.createRequire(import.meta.url);
}

interface NodeRequireLike {
  resolve(id: string): string;
}

/**
 * The schemas now, loading them synchronously if no call has yet (`require` of an ES
 * module, Node ≥ 20.19): the same module instance as {@link loadSjroomApi}'s.
 */
export function sjroomApiNow(): SjroomApi {
  if (api) return api;
  try {
    const require = nodeRequire();
    if (!require) throw new Error('no synchronous module loading in this runtime');
    api = require(SCHEMAS_FILE) as SjroomApi;
  } catch (error) {
    throw new ConfigurationError(
      'schemas',
      'The sjroom schemas cannot be loaded synchronously here (a bundle without the file?): import them from @intl-sms/core/schemas',
      { cause: error },
    );
  }
  return api;
}
