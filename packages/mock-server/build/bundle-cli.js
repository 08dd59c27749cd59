// Bundles the CLI and its dependencies into one file, dist/cli.bundle.js: resolving and
// loading ~300 small modules was most of the mock's cold start (measured in bench/).
// The library entry (dist/index.js) stays unbundled so applications dedupe dependencies.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli.js', import.meta.url).pathname],
  outfile: new URL('../dist/cli.bundle.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  keepNames: false,
  legalComments: 'linked',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __intlSmsCreateRequire } from 'node:module';\nconst require = __intlSmsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
