import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvInputError } from './csv-input-error.js';
import { CsvRecipients, MAX_RECORD_BYTES } from './csv-recipients.js';
import { cliEnv } from './test-support/run-cli.js';

async function csv(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'intl-sms-csv-')), name);
  await writeFile(path, text);
  return path;
}

/** Every row the file yields, then the error that ended it. */
async function readAll(source: CsvRecipients): Promise<{ rows: unknown[]; error: unknown }> {
  const rows: unknown[] = [];
  try {
    for await (const row of source) rows.push(row);
    return { rows, error: undefined };
  } catch (error) {
    return { rows, error };
  }
}

describe('a bound on the size of a CSV row', () => {
  // Without it, an unclosed quote makes the parser buffer the whole rest of the file.
  it('stops at an unclosed quote once the row passes the bound, naming the row', async () => {
    const rest = `${'x'.repeat(79)}\n`;
    const file = await csv(
      'open-quote.csv',
      `phone,text\n+639171234565,ok\n+639171234575,"never closed\n${rest.repeat(20_000)}`,
    );
    const { rows, error } = await readAll(
      new CsvRecipients(file, { phone: 'phone', text: 'text' }),
    );
    expect(rows).toEqual([{ to: '+639171234565', text: 'ok' }]);
    expect(error).toBeInstanceOf(CsvInputError);
    expect(error).toMatchObject({
      row: 2,
      line: 3,
      reason: `a row is longer than ${MAX_RECORD_BYTES} bytes (is a quote left open?)`,
    });
  });

  it('refuses one long row in the header check too', async () => {
    const file = await csv('long-header.csv', `"${'h'.repeat(MAX_RECORD_BYTES + 10)}\n`);
    await expect(new CsvRecipients(file, { phone: 'phone' }).checkHeader()).rejects.toMatchObject({
      reason: `a row is longer than ${MAX_RECORD_BYTES} bytes (is a quote left open?)`,
    });
  });

  it('send --file: exit 65 and the row named, nothing sent', async () => {
    const env = await cliEnv();
    try {
      const file = await csv(
        'long.csv',
        `phone,text\n+639171234565,"${'y'.repeat(MAX_RECORD_BYTES)}"\n`,
      );
      // In the file's directory: a run that stops early saves its summary there.
      const run = await env.run(
        ['send', '--file', file, '--text-column', 'text', '--yes'],
        {},
        dirname(file),
      );
      expect(run.code).toBe(65);
      expect(run.stderr).toContain(
        `${file} line 2 (row 1): a row is longer than ${MAX_RECORD_BYTES} bytes`,
      );
      expect((await env.sentPerNumber()).size).toBe(0);
    } finally {
      await env.mock.close();
    }
  });
});
