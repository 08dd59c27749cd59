import { ConfigurationError } from '../errors/configuration-error.js';
import type { HttpEngine } from './http-engine.js';
import type { UndiciEngineSettings } from './undici-engine.js';

/**
 * What `#undici-engine` is outside Node (bundles for Workers, the Edge runtime, browsers):
 * undici cannot run there, and is not bundled. Reached only when a `dispatcher` or
 * `proxy` was given outside Node.
 */
export function createUndiciEngine(_settings: UndiciEngineSettings): HttpEngine {
  throw new ConfigurationError(
    'dispatcher',
    'dispatcher and proxy need undici, which runs on Node only: pass fetch (or nothing) here',
  );
}
