import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = new URL('../../..', import.meta.url).pathname;
const require = createRequire(join(packageRoot, 'package.json'));
const sandbox = mkdtempSync(join(tmpdir(), 'intl-sms-no-zod-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/**
 * An install of the built package whose zod is `zod`: absent, or present but failing to
 * load. Its other dependencies are the real ones.
 */
function installWith(zod: 'absent' | 'broken'): string {
  const root = join(sandbox, zod);
  const modules = join(root, 'node_modules');
  const core = join(modules, '@intl-sms', 'core');
  mkdirSync(core, { recursive: true });
  cpSync(join(packageRoot, 'dist'), join(core, 'dist'), { recursive: true });
  cpSync(join(packageRoot, 'package.json'), join(core, 'package.json'));
  for (const name of ['undici', 'libphonenumber-js']) {
    const real = realpathSync(dirname(require.resolve(`${name}/package.json`)));
    symlinkSync(real, join(modules, name), 'dir');
  }
  if (zod === 'broken') {
    const fake = join(modules, 'zod');
    mkdirSync(fake);
    writeFileSync(
      join(fake, 'package.json'),
      JSON.stringify({
        name: 'zod',
        type: 'module',
        exports: { '.': './index.js', './package.json': './package.json' },
      }),
    );
    writeFileSync(join(fake, 'index.js'), "throw new Error('zod is broken here');\n");
  }
  return root;
}

/**
 * Submits two numbers to a server that takes the submit and answers `answer`; prints the
 * error's class and code and how many submits the server saw.
 */
function submitThrough(root: string, answer: string) {
  const script = `
    import { createServer } from 'node:http';
    let submits = 0;
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        if (request.url.endsWith('/list')) return response.end(JSON.stringify([{ goodsSupplySmsConfigId: 1, countryCode: 'PH', customerPrice: 0.05, status: 1 }]));
        submits++;
        response.end(${JSON.stringify(answer)});
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { createSjroomTransport } = await import('@intl-sms/core');
    const sms = createSjroomTransport({ account: 'a', password: 'secret-pw', baseUrl: 'http://127.0.0.1:' + server.address().port, retry: false });
    const error = await sms.send({ to: ['+639171234565', '+639171234575'], text: 'hi' }).then(() => undefined, (caught) => caught);
    await sms.close();
    server.close();
    process.stdout.write(JSON.stringify({ error: error?.name, code: error?.code, submits, leaked: String(error?.stack).includes('secret-pw') }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as {
    error?: string;
    code?: string;
    submits: number;
    leaked: boolean;
  };
}

describe('the sjroom schemas when zod cannot load', () => {
  // An answer the hand check leaves to the schema: its reading needs zod.
  const odd = '{"stateCode":"200","stateMsg":"ok","data":{"batchNo":"1"}}';

  it('refuses before the request, nothing sent, when zod is not installed', () => {
    const outcome = submitThrough(installWith('absent'), odd);
    expect(outcome).toEqual({
      error: 'ConfigurationError',
      code: 'CONFIGURATION_INVALID',
      submits: 0,
      leaked: false,
    });
  });

  it('books a submit that went out as of unknown outcome, never as unsent, when zod fails to load', () => {
    const outcome = submitThrough(installWith('broken'), odd);
    expect(outcome).toEqual({
      error: 'SubmitOutcomeUnknownError',
      code: 'SUBMIT_OUTCOME_UNKNOWN',
      submits: 1,
      leaked: false,
    });
  });
});
