import { ConfigurationError } from '../../errors/configuration-error.js';

type SjroomApi = typeof import('./sjroom-api.js');

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

/** The schemas if a call has loaded them already (no wait), else `undefined`. */
export function loadedSjroomApi(): SjroomApi | undefined {
  return api;
}

/**
 * The schemas now, loading them synchronously if no call has yet (`require` of an ES
 * module, Node ≥ 20.19): the same module instance as {@link loadSjroomApi}'s.
 */
export function sjroomApiNow(): SjroomApi {
  if (api) return api;
  try {
    // `process.getBuiltinModule` (Node ≥ 20.16) rather than an import of `node:module`,
    // which a Worker or Edge bundle could not resolve.
    const host = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
    const module = host?.getBuiltinModule?.('node:module') as
      | { createRequire(url: string): (id: string) => unknown }
      | undefined;
    if (!module) throw new Error('no synchronous module loading in this runtime');
    api = module.createRequire(import.meta.url)('./sjroom-api.js') as SjroomApi;
  } catch (error) {
    throw new ConfigurationError(
      'schemas',
      'The sjroom schemas cannot be loaded synchronously here (a bundle without the file?): import them from @intl-sms/core/schemas',
      { cause: error },
    );
  }
  return api;
}
