import { createRequire } from 'node:module';

/** This package's version, for the OpenTelemetry meter. */
export const QUEUE_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
