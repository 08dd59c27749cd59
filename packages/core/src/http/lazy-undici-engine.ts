import type { HttpEngine } from './http-engine.js';
import type * as UndiciEngine from './undici-engine.js';

type EngineModule = typeof UndiciEngine;

let engineModule: Promise<EngineModule> | undefined;

/**
 * The undici engine, loaded on its first request through the package's `#undici-engine`
 * import: Node resolves it to the real engine, bundlers for other runtimes to a stub, so
 * neither undici nor a `node:` module ever enters a Worker bundle.
 */
export function createLazyUndiciEngine(settings: UndiciEngine.UndiciEngineSettings): HttpEngine {
  let engine: Promise<HttpEngine> | undefined;
  let loaded: HttpEngine | undefined;
  const load = () => {
    // It resolves through package.json "imports" to the build output: present after a build,
    // absent on a clean checkout — so the directive must not care either way.
    // biome-ignore lint/suspicious/noTsIgnore: see above
    // @ts-ignore
    engineModule ??= import('#undici-engine') as Promise<EngineModule>;
    engine ??= engineModule.then((module) => {
      loaded = module.createUndiciEngine(settings);
      return loaded;
    });
    return engine;
  };
  return {
    name: 'undici',
    // Once loaded, straight through: no extra turn of the event loop per request.
    post: (request) => (loaded ? loaded.post(request) : load().then((e) => e.post(request))),
    close: async () => {
      if (engine) await (await engine).close();
    },
  };
}
