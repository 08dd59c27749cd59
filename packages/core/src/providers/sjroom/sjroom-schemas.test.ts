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

  it('are not loaded (nor zod) by importing @intl-sms/core, only by the first call', () => {
    // A resolve hook reports every import of zod; the built package is imported cold.
    const hook =
      'data:text/javascript,export async function resolve(s,c,n){ if(s==="zod"||s.startsWith("zod/")) process.stderr.write("zod\\n"); return n(s,c) }';
    const script = `
      import { register } from 'node:module';
      register(${JSON.stringify(hook)});
      const core = await import('@intl-sms/core');
      process.stderr.write('imported\\n');
      const client = new core.SjroomClient({ account: 'a', password: 'b', baseUrl: 'http://127.0.0.1:9', retry: false });
      await client.balance().catch(() => {});
      process.stderr.write('called\\n');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../../..', import.meta.url).pathname,
    });
    expect(run.stderr.split('\n').filter(Boolean)).toEqual(['imported', 'zod', 'called']);
  });
});
