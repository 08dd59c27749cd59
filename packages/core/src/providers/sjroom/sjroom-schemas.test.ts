import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// The built package, as users import it: without a call first, the schemas load through
// `require` of an ES module, which only the compiled files can do (not vitest's sources).
import {
  sjroomBalanceSchema,
  sjroomChannelListSchema,
  sjroomInt64Schema,
} from '../../../dist/index.js';

describe('the exported sjroom schemas', () => {
  it('behave as the zod schemas they stand for', () => {
    expect(sjroomBalanceSchema.parse('12.5000')).toBe('12.5000');
    expect(sjroomInt64Schema.parse('9007199254740993')).toBe('9007199254740993');
    expect(sjroomBalanceSchema.safeParse({}).success).toBe(false);
    expect(sjroomChannelListSchema).toBeInstanceOf(z.ZodType);
    expect(z.object({ balance: sjroomBalanceSchema }).parse({ balance: '1.0000' })).toEqual({
      balance: '1.0000',
    });
  });

  it('are not loaded (nor zod) by importing @intl-sms/core nor by plainly valid answers, only to read an odd one', () => {
    // zod marks its loading with a global registry; the built package is imported cold and
    // called against a server that answers two plain balances, then one zod must explain.
    const script = `
      import { createServer } from 'node:http';
      const answers = [
        '{"stateCode":"200","stateMsg":"ok","data":"12.5000"}',
        '{"stateCode":"200","stateMsg":"ok","data":"7"}',
        '{"stateCode":"200","stateMsg":"ok","data":{"amount":1}}',
      ];
      const server = createServer((request, response) => {
        request.resume();
        request.on('end', () => response.end(answers.shift()));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const zodLoaded = () => globalThis.__zod_globalRegistry !== undefined;
      const core = await import('@intl-sms/core');
      const steps = ['imported ' + zodLoaded()];
      const client = new core.SjroomClient({ account: 'a', password: 'b', baseUrl: 'http://127.0.0.1:' + server.address().port, retry: false });
      await client.balance();
      await client.balance();
      steps.push('valid answers ' + zodLoaded());
      const error = await client.balance().catch((caught) => caught);
      steps.push(error.constructor.name + ' ' + zodLoaded() + ' ' + error.cause?.constructor?.name);
      await client.close();
      server.close();
      process.stdout.write(JSON.stringify(steps));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../../..', import.meta.url).pathname,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      'imported false',
      'valid answers false',
      'UnexpectedResponseError true ZodError',
    ]);
  });

  it('reads an answer that needs them while the application is still importing zod itself', () => {
    // A synchronous load fails while another import of zod is under way; the read is
    // tried again and finds them loaded.
    const script = `
      const core = await import('@intl-sms/core');
      const fetch = async () => new Response('{"stateCode":"200","stateMsg":"ok","data":12.5}');
      const sms = core.createSjroomTransport({ account: 'a', password: 'b', baseUrl: 'http://127.0.0.1:9', fetch });
      const importing = import('zod');
      const balance = await sms.getBalance().then((b) => b.amount, (e) => e.name);
      await importing;
      await sms.close();
      process.stdout.write(JSON.stringify(balance));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../../..', import.meta.url).pathname,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toBe('12.5');
  });
});
