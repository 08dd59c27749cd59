/**
 * What core needs from its host, without importing `node:` modules: the main path of
 * `@intl-sms/core` runs on Node, Bun, Deno, Cloudflare Workers and the Vercel Edge runtime.
 */

/** Node's `util.inspect.custom`, by its registered name: no `node:util` import needed. */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');

interface HostProcess {
  readonly env?: Record<string, string | undefined>;
  readonly versions?: Record<string, string | undefined>;
  emitWarning?(message: string, options: { code: string }): void;
}

function hostProcess(): HostProcess | undefined {
  return (globalThis as { process?: HostProcess }).process;
}

/** The environment variables, where the runtime has them (not in a Worker). */
export function environment(): Readonly<Record<string, string | undefined>> {
  return hostProcess()?.env ?? {};
}

/** A process warning on Node, Bun and Deno; `console.warn` elsewhere. */
export function emitWarning(message: string, code: string): void {
  const host = hostProcess();
  if (typeof host?.emitWarning === 'function') host.emitWarning(message, { code });
  else
    (globalThis as { console?: { warn?(m: string): void } }).console?.warn?.(`${code}: ${message}`);
}

/**
 * True on Node itself: not Bun or Deno (which also define `process.versions.node`), not a
 * Worker with `nodejs_compat`, not the Edge runtime. Only Node gets the undici engine.
 */
export function isNode(): boolean {
  const g = globalThis as Record<string, unknown>;
  const versions = hostProcess()?.versions;
  if (typeof versions?.node !== 'string' || versions.bun !== undefined) return false;
  if ('Deno' in g || 'Bun' in g || 'EdgeRuntime' in g) return false;
  const agent = (g.navigator as { userAgent?: string } | undefined)?.userAgent;
  return agent === undefined || agent.startsWith('Node.js');
}
