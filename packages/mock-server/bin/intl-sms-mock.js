#!/usr/bin/env node
import { loadCachedBundle } from '../dist/launch/code-cache.js';

const cli = loadCachedBundle(new URL('../dist/cli.bundle.cjs', import.meta.url));
process.exitCode = await cli.exports.main(process.argv.slice(2), { onListening: cli.save });
