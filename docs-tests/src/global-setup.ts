import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { docFiles, REPO_ROOT } from './doc-files.js';
import { createPackedApp, packWorkspace } from './packed-app.js';
import { type Service, startPackedMock, startRedis } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fresh npm app the blocks run in, with the packed packages installed. */
    docsApp: string;
    /** The packed mock server's URL (demo account `demo` / `demo-password`). */
    mockUrl: string;
    /** The Redis the blocks get as `REDIS_URL`. */
    redisUrl: string;
  }
}

/**
 * Once per run: packs the workspace, installs the tarballs with npm into a new app under
 * the OS temp directory (nothing is reused from an earlier run), and starts the packed
 * mock server and a Redis. Everything is removed afterwards; set `DOCS_TESTS_KEEP=1` to
 * keep the app for a look.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(join(tmpdir(), 'intl-sms-docs-'));
  const services: Service[] = [];
  const teardown = async () => {
    for (const service of services.reverse()) await service.stop();
    if (process.env.DOCS_TESTS_KEEP) console.log(`docs-tests: the app is kept in ${work}/app`);
    else await rm(work, { recursive: true, force: true });
  };
  try {
    const tarballs = await packWorkspace(REPO_ROOT, join(work, 'packs'));
    const app = join(work, 'app');
    await createPackedApp(REPO_ROOT, app, tarballs, docFiles());
    const mock = await startPackedMock(app);
    services.push(mock);
    const redis = await startRedis();
    services.push(redis);
    project.provide('docsApp', app);
    project.provide('mockUrl', mock.url);
    project.provide('redisUrl', redis.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
