import { Decimal, smartEncode } from '@intl-sms/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
beforeAll(async () => {
  env = await cliEnv();
});
afterAll(async () => {
  await env.mock.close();
});
afterEach(async () => {
  await env.inject('POST', '/__mock/reset');
});

const PH = '+639171234567';
/** 140 characters with curly quotes and an em dash: UCS-2 as written, one GSM-7 segment smart encoded. */
const TEXT =
  'Your order “A-1024” is ready — pick it up at the counter today before 6pm. Show this message and your ID; thanks for shopping with us!!'.padEnd(
    140,
    '.',
  );
const balance = async () => Decimal.parse((await env.inspector.account('demo')).balance);

describe('send --to: --smart-encoding, --max-cost and what it cost', () => {
  it('sends the 140-character text as one GSM-7 segment with --smart-encoding; the printed cost is the balance moved', async () => {
    expect([...TEXT]).toHaveLength(140);
    const before = await balance();
    const run = await env.run(['send', '--to', PH, '--text', TEXT, '--smart-encoding', '--yes']);
    expect(run.code).toBe(0);
    const [sent] = await env.inspector.allMessages();
    expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1, text: smartEncode(TEXT).text });
    const printed = /total cost (\d+\.\d+)/.exec(run.stdout)?.[1] ?? '';
    expect(run.stdout).toContain('sent as GSM-7 (smart encoding), 1 segment(s) each');
    expect(before.subtract(await balance()).compare(Decimal.parse(printed))).toBe(0);
  });

  it('sends it as UCS-2 without; --json carries text, encoding, segments and totalCost', async () => {
    const before = await balance();
    const run = await env.run(['send', '--to', PH, '--text', TEXT, '--yes', '--json']);
    expect(run.code).toBe(0);
    const [sent] = await env.inspector.allMessages();
    expect(sent).toMatchObject({ encoding: 'UCS-2', text: TEXT });
    expect(sent?.segments).toBeGreaterThan(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      text: TEXT,
      encoding: 'UCS-2',
      segments: sent?.segments,
      smartEncoded: false,
      totalCost: sent?.cost,
      costComplete: true,
      maxCost: null,
    });
    expect(before.subtract(await balance()).compare(Decimal.parse(out.totalCost))).toBe(0);
  });

  it('--max-cost below the estimate refuses with nothing sent: no message, balance unchanged, exit 2', async () => {
    const before = await balance();
    const run = await env.run(['send', '--to', PH, '--text', TEXT, '--max-cost', '0.01', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Nothing was sent: this send would cost \d+\.\d+, over --max-cost 0\.01/,
    );
    expect(await env.inspector.allMessages()).toEqual([]);
    expect((await balance()).compare(before)).toBe(0);
    const json = await env.run([
      'send',
      '--to',
      PH,
      '--text',
      TEXT,
      '--max-cost',
      '0.01',
      '--yes',
      '--json',
    ]);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      exitCode: 2,
      maxCost: '0.01',
    });
    expect(await env.inspector.allMessages()).toEqual([]);
  });

  it('--max-cost at or above the estimate sends', async () => {
    const estimate = JSON.parse(
      (await env.run(['estimate', '--to', PH, '--text', TEXT, '--json'])).stdout,
    );
    const run = await env.run([
      'send',
      '--to',
      PH,
      '--text',
      TEXT,
      '--max-cost',
      estimate.totalCost,
      '--yes',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      totalCost: estimate.totalCost,
      maxCost: Decimal.parse(estimate.totalCost).toString(),
    });
    expect(await env.inspector.allMessages()).toHaveLength(1);
  });

  it('a dry run over --max-cost says a real send would refuse', async () => {
    const run = await env.run([
      'send',
      '--to',
      PH,
      '--text',
      TEXT,
      '--max-cost',
      '0.01',
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /a real send would refuse: Nothing was sent: .* over --max-cost 0\.01/,
    );
    expect(run.stdout).toContain('dry run: nothing was sent');
    const json = await env.run([
      'send',
      '--to',
      PH,
      '--text',
      TEXT,
      '--max-cost',
      '0.01',
      '--dry-run',
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      dryRun: true,
      maxCost: '0.01',
      withinMaxCost: false,
    });
    expect(await env.inspector.allMessages()).toEqual([]);
  });

  it.each([['abc'], ['-1'], ['1,50'], ['']])(
    'refuses --max-cost %j as a usage error naming the flag, before anything is sent',
    async (value) => {
      const run = await env.run(['send', '--to', PH, '--text', 'hi', '--max-cost', value, '--yes']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--max-cost');
      expect(await env.inspector.allMessages()).toEqual([]);
    },
  );
});

describe('estimate: what smart encoding would save', () => {
  it('names the saving and the characters replaced, when smart encoding is off and would save', async () => {
    const run = await env.run(['estimate', '--to', PH, '--text', TEXT]);
    expect(run.code).toBe(0);
    const smart = JSON.parse(
      (await env.run(['estimate', '--to', PH, '--text', TEXT, '--json'])).stdout,
    ).smartEncoding;
    expect(smart).toMatchObject({
      used: false,
      applicable: true,
      segmentsSaved: smart.original.segments - 1,
    });
    expect(run.stdout).toContain(
      `with smart encoding (--smart-encoding) you would pay ${smart.smart.totalCost} instead of ${smart.original.totalCost}: 1 segment(s) instead of ${smart.original.segments}, replacing “ → " ×1, ” → " ×1, — → - ×1`,
    );
  });

  it('with --smart-encoding estimates the smart text', async () => {
    const report = JSON.parse(
      (await env.run(['estimate', '--to', PH, '--text', TEXT, '--smart-encoding', '--json']))
        .stdout,
    );
    expect(report).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
      text: smartEncode(TEXT).text,
      smartEncoding: { used: true, applicable: true },
    });
    expect(report.totalCost).toBe(report.smartEncoding.smart.totalCost);
    const text = await env.run(['estimate', '--to', PH, '--text', TEXT, '--smart-encoding']);
    expect(text.stdout).toMatch(
      /smart encoding: goes out as GSM-7, 1 segment\(s\) instead of \d+ \(UCS-2\)/,
    );
    expect(text.stdout).not.toContain('you would pay');
    const even = await env.run(['estimate', '--to', PH, '--text', '“Hi”', '--smart-encoding']);
    expect(even.stdout).toContain(
      'smart encoding: goes out as GSM-7, 1 segment(s), as many as in UCS-2 (no saving)',
    );
  });

  it('says nothing about smart encoding for a GSM-7 text, and why it cannot help when asked for', async () => {
    const plain = await env.run(['estimate', '--to', PH, '--text', 'Your code is 4242']);
    expect(plain.stdout).not.toMatch(/smart encoding/);
    const blocked = await env.run([
      'estimate',
      '--to',
      PH,
      '--text',
      'Hi “你好”',
      '--smart-encoding',
    ]);
    expect(blocked.stdout).toContain('no GSM-7 look-alike: 你 好');
  });
});
