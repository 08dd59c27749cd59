// Bundles the CLI and its dependencies into one CommonJS file, dist/cli.bundle.cjs:
// resolving and loading ~300 small modules was most of the mock's cold start (measured
// in bench/). CommonJS so that the bin can load it through V8's code cache
// (src/launch/code-cache.ts). The library entry (dist/index.js) stays unbundled so
// applications dedupe dependencies.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli.js', import.meta.url).pathname],
  outfile: new URL('../dist/cli.bundle.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  keepNames: false,
  legalComments: 'linked',
  logLevel: 'warning',
});
