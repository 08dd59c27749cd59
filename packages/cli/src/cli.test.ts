import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '@intl-sms/core';
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

const json = (stdout: string) => JSON.parse(stdout);

describe('intl-sms commands (built binary against the mock server)', () => {
  it('balance, as text and as JSON', async () => {
    expect(await env.run(['balance'])).toMatchObject({ code: 0, stdout: '1000.0000\n' });
    const run = await env.run(['balance', '--json']);
    expect(json(run.stdout)).toEqual({ balance: '1000.0000' });
  });

  it('channels with filters', async () => {
    const all = json((await env.run(['channels', '--json'])).stdout).channels;
    expect(all.length).toBeGreaterThanOrEqual(30);
    const ph = json(
      (await env.run(['channels', '--country', 'PH', '--enabled', '--json'])).stdout,
    ).channels;
    expect(ph.length).toBeGreaterThan(0);
    expect(
      ph.every(
        (c: { countryCode: string; enabled: boolean }) => c.countryCode === '63' && c.enabled,
      ),
    ).toBe(true);
    expect(
      json((await env.run(['channels', '--country', '+44', '--json'])).stdout).channels[0].nameEn,
    ).toBe('United Kingdom');
    const table = await env.run(['channels', '--country', 'Philippines']);
    expect(table.stdout).toContain('菲律宾');
    expect(table.stdout).toContain('+63');
  });

  it('estimate: encoding, segments, cost per channel, balance after', async () => {
    const report = json(
      (
        await env.run([
          'estimate',
          '--to',
          '+639171234567,+447400123456',
          '--text',
          'Hi 你好',
          '--json',
        ])
      ).stdout,
    );
    expect(report).toMatchObject({
      encoding: 'UCS-2',
      segments: 1,
      recipients: 2,
      nonGsmCharacters: ['你', '好'],
      balance: '1000.0000',
    });
    expect(report.channels).toHaveLength(2);
    expect(report.balanceAfter).toBe(
      (10_000_000 - Math.round(Number(report.totalCost) * 10_000))
        .toString()
        .replace(/(\d{4})$/, '.$1'),
    );
  });

  it('send --yes --wait --json: batches, delivery, exit 3 when a number fails', async () => {
    const run = await env.run([
      'send',
      '--to',
      '+639171234567,+639170000001',
      '--text',
      'hello',
      '--yes',
      '--wait',
      '--json',
    ]);
    expect(run.code).toBe(3);
    const out = json(run.stdout);
    expect(out.accepted).toEqual(['639171234567', '639170000001']);
    expect(out.delivery).toMatchObject({
      complete: true,
      batches: [{ delivered: 1, failed: 1, failedNumbers: ['639170000001'] }],
    });
    const { messages } = await env.inject('GET', '/__mock/messages');
    expect(messages[0].batchNo).toBe(out.batches[0].id);
  });

  it('send: exit 0 when everything is delivered; --dry-run sends nothing', async () => {
    expect(
      (await env.run(['send', '--to', '+639171234567', '--text', 'ok', '--yes', '--wait'])).code,
    ).toBe(0);
    const dry = await env.run([
      'send',
      '--to',
      '+639171234567',
      '--text',
      'dry',
      '--dry-run',
      '--json',
    ]);
    expect(json(dry.stdout)).toMatchObject({ dryRun: true, estimate: { recipients: 1 } });
    expect((await env.inject('GET', '/__mock/health')).messages).toBe(1);
  });

  it('--dry-run and estimate warn when the balance does not cover the cost (exit 0)', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '0.0100' });
    const args = ['--to', '+639171234567,+447400123456', '--text', 'x'];
    const dry = await env.run(['send', ...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /warning: the balance 0\.0100 does not cover the cost: 0\.\d{4} short/,
    );
    const report = json((await env.run(['send', ...args, '--dry-run', '--json'])).stdout).estimate;
    expect(report).toMatchObject({ balance: '0.0100', balanceSufficient: false });
    expect(report.shortfall).toBe(
      Decimal.parse(report.totalCost).subtract(Decimal.parse(report.balance)).toString(),
    );
    const estimate = json((await env.run(['estimate', ...args, '--json'])).stdout);
    expect(estimate).toMatchObject({ balanceSufficient: false, shortfall: report.shortfall });
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '1000' });
    const enough = json((await env.run(['estimate', ...args, '--json'])).stdout);
    expect(enough).toMatchObject({ balanceSufficient: true, shortfall: '0.0000' });
  });

  it('status and wait with BATCH:COUNT, failed numbers written to --out', async () => {
    const sent = json(
      (
        await env.run([
          'send',
          '--to',
          '+639171234567,+639170000001',
          '--text',
          's',
          '--yes',
          '--json',
        ])
      ).stdout,
    );
    const batch = `${sent.batches[0].id}:2`;
    const dir = await mkdtemp(join(tmpdir(), 'intl-sms-cli-'));
    const waited = await env.run([
      'wait',
      batch,
      '--timeout',
      '20s',
      '--json',
      '--out',
      join(dir, 'failed.csv'),
    ]);
    expect(waited.code).toBe(3);
    expect(json(waited.stdout)).toMatchObject({
      complete: true,
      batches: [{ delivered: 1, failed: 1, pending: 0 }],
    });
    expect(await readFile(join(dir, 'failed.csv'), 'utf8')).toBe(
      `phone,batch\n639170000001,${sent.batches[0].id}\n`,
    );
    const status = await env.run(['status', sent.batches[0].id]);
    expect(status.stdout).toContain('1 delivered, 1 failed');
    expect((await env.run(['wait', sent.batches[0].id])).code).toBe(1);
  });

  it('pending numbers: listed when known (send --wait), null when only the count is (wait BATCH:COUNT)', async () => {
    // A number ending in 0002 never gets a receipt on the mock.
    const sent = await env.run([
      'send',
      '--to',
      '+639171234567,+639171230002',
      '--text',
      'p',
      '--yes',
      '--wait',
      '--timeout',
      '1s',
      '--json',
    ]);
    expect(sent.code).toBe(3);
    const out = json(sent.stdout);
    expect(out.delivery.batches[0]).toMatchObject({ pending: 1, pendingNumbers: ['639171230002'] });
    const batch = out.batches[0].id;
    const waited = await env.run(['wait', `${batch}:2`, '--timeout', '1s', '--json']);
    expect(waited.code).toBe(3);
    expect(json(waited.stdout).batches[0]).toMatchObject({
      delivered: 1,
      pending: 1,
      complete: false,
      pendingNumbers: null,
    });
    const status = await env.run(['status', batch, '--json']);
    expect(json(status.stdout).batches[0]).toMatchObject({ pending: null, pendingNumbers: null });
    const text = await env.run(['wait', `${batch}:2`, '--timeout', '1s']);
    expect(text.stdout).toContain('1 pending (which ones the API does not say)');
  });

  it('never echoes the password, even with --verbose', async () => {
    const canary = 'cli-canary-Pw-9731';
    await env.inject('PUT', '/__mock/accounts/canary', { password: canary, balance: '5' });
    const runs = await Promise.all([
      env.run(['balance', '--verbose', '--account', 'canary', '--password', canary]),
      env.run([
        'balance',
        '--verbose',
        '--json',
        '--account',
        'canary',
        '--password',
        `${canary}-wrong`,
      ]),
      env.run([
        'send',
        '--verbose',
        '--json',
        '--to',
        '+639171234567',
        '--text',
        'x',
        '--yes',
        '--account',
        'canary',
        '--password',
        canary,
      ]),
    ]);
    expect(runs[0]?.stderr).toContain('← balance HTTP 200');
    for (const run of runs) expect(`${run.stdout}${run.stderr}`).not.toContain(canary);
  });
});

describe('intl-sms exit codes', () => {
  it.each([
    ['a wrong password', ['balance', '--password', 'nope'], 2, 'AUTHENTICATION_FAILED'],
    [
      'an invalid number',
      ['send', '--to', '+63917', '--text', 'x', '--yes'],
      2,
      'VALIDATION_FAILED',
    ],
    ['an unknown flag', ['balance', '--bogus'], 1, undefined],
    ['a missing value', ['send', '--to'], 1, undefined],
    [
      'no confirmation without a terminal',
      ['send', '--to', '+639171234567', '--text', 'x'],
      1,
      undefined,
    ],
  ])('%s', async (_name, args, code, errorCode) => {
    const run = await env.run([...args, '--json']);
    expect(run.code).toBe(code);
    if (errorCode) expect(json(run.stdout).error.code).toBe(errorCode);
    expect(run.stderr.length).toBeGreaterThan(0);
  });

  it('no channel for the country: 2, naming the country', async () => {
    const ph = json(
      (await env.run(['channels', '--country', 'PH', '--enabled', '--json'])).stdout,
    ).channels;
    await env.inject('PUT', '/__mock/accounts/demo', {
      channels: ph.map((c: { id: number }) => c.id),
    });
    const run = await env.run(['send', '--to', '+447400123456', '--text', 'x', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('+44 (GB)');
  });

  it('insufficient balance: 2', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '0.0001' });
    const run = await env.run(['send', '--to', '+639171234567', '--text', 'x', '--yes', '--json']);
    expect(run.code).toBe(2);
    expect(json(run.stdout).error.code).toBe('INSUFFICIENT_BALANCE');
  });

  it('a mock fault: 2 for a refusal, 4 for a 500 or a reset (the submit may have been sent)', async () => {
    const send = ['send', '--to', '+639171234567', '--text', 'x', '--yes', '--json'];
    await env.inject('PUT', '/__mock/faults', [
      { type: 'state-code', stateCode: '402', endpoint: 'submit', times: 1 },
    ]);
    const refused = await env.run(send);
    expect(refused.code).toBe(2);
    expect(json(refused.stdout).error.code).toBe('INSUFFICIENT_BALANCE');
    await env.inject('PUT', '/__mock/faults', [
      { type: 'state-code', stateCode: '500', endpoint: 'submit', times: 1 },
    ]);
    const answered500 = await env.run(send);
    expect(answered500.code).toBe(4);
    expect(json(answered500.stdout).error.code).toBe('SUBMIT_OUTCOME_UNKNOWN');
    await env.inject('PUT', '/__mock/faults', [{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const reset = await env.run(send);
    expect(reset.code).toBe(4);
    expect(json(reset.stdout).error.code).toBe('SUBMIT_OUTCOME_UNKNOWN');
  });

  it('send --to over two countries, one submit answered 500: 4, its numbers under unknown, not failed', async () => {
    await env.inject('PUT', '/__mock/faults', [
      { type: 'state-code', stateCode: '500', endpoint: 'submit', times: 1 },
    ]);
    const run = await env.run([
      'send',
      '--to',
      '+639171234567,+447400123456',
      '--text',
      'x',
      '--yes',
      '--json',
    ]);
    expect(run.code).toBe(4);
    const out = json(run.stdout);
    expect(out.failed).toEqual([]);
    expect(out.unknown).toEqual([expect.objectContaining({ code: 'SUBMIT_OUTCOME_UNKNOWN' })]);
    expect([...out.accepted, ...out.unknown[0].phones].sort()).toEqual([
      '447400123456',
      '639171234567',
    ]);
  });

  it('an invalid number: the advice names --skip-invalid, not a library option', async () => {
    const run = await env.run(['send', '--to', '+639171234567,+63917', '--text', 'x', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --skip-invalid to send to the others');
    expect(run.stderr).not.toContain('onInvalid');
    const dry = await env.run(['send', '--to', '+639171234567,+63917', '--text', 'x', '--dry-run']);
    expect(dry.stdout).toContain('a real send would refuse');
    expect(dry.stdout).toContain('--skip-invalid');
  });

  it('a --base-url with credentials: 1, naming the flag, never echoing them', async () => {
    const run = await env.run(['balance', '--base-url', 'http://someone:s3cret-pw@127.0.0.1:9']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--base-url');
    expect(`${run.stdout}${run.stderr}`).not.toContain('s3cret-pw');
  });

  it('partial: 3 with --skip-invalid and an invalid number', async () => {
    const run = await env.run([
      'send',
      '--to',
      '+639171234567,+63917',
      '--text',
      'x',
      '--yes',
      '--skip-invalid',
      '--json',
    ]);
    expect(run.code).toBe(3);
    expect(json(run.stdout).rejected).toEqual([expect.objectContaining({ input: '+63917' })]);
  });

  it('network: 4 when nothing listens', async () => {
    const run = await env.run(['balance'], { SJROOM_BASE_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(4);
  });

  it('--help works on every command, with examples', async () => {
    for (const command of ['channels', 'balance', 'estimate', 'send', 'status', 'wait']) {
      const run = await env.run([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Examples:');
    }
  });
});
