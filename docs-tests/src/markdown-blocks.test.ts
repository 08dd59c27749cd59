import { describe, expect, it } from 'vitest';
import { readApiDoc } from './api-doc-tables.js';
import { importedPackages } from './block-imports.js';
import { shellScript } from './block-runner.js';
import { extractBlocks, MarkerError } from './markdown-blocks.js';

describe('extractBlocks', () => {
  it('finds fences with their line, language and kind, and applies markers', () => {
    const markdown = [
      '# Title', // 1
      '```ts', // 2
      'const a = 1;',
      '```',
      '<!-- docs-test: skip (needs the real service) -->', // 5
      '```sh',
      'curl https://example.invalid',
      '```',
      '<!-- docs-test: file customers.csv -->', // 9
      '<!-- example:csv -->',
      '```csv',
      'phone',
      '+639171234567',
      '```',
      '```yaml', // 15
      'a: 1',
      '```',
      '````md', // 18
      '```js',
      'not a block of its own',
      '```',
      '````',
    ].join('\n');
    expect(extractBlocks(markdown)).toEqual([
      { line: 2, language: 'ts', code: 'const a = 1;\n', kind: 'ts' },
      {
        line: 6,
        language: 'sh',
        code: 'curl https://example.invalid\n',
        kind: undefined,
        skip: 'needs the real service',
      },
      {
        line: 11,
        language: 'csv',
        code: 'phone\n+639171234567\n',
        kind: undefined,
        file: 'customers.csv',
      },
      { line: 15, language: 'yaml', code: 'a: 1\n', kind: undefined },
      {
        line: 18,
        language: 'md',
        code: '```js\nnot a block of its own\n```\n',
        kind: undefined,
      },
    ]);
  });

  it('refuses a marker it does not know, or a skip without a reason', () => {
    expect(() => extractBlocks('<!-- docs-test: skipp -->\n```js\n```\n')).toThrow(MarkerError);
    expect(() => extractBlocks('<!-- docs-test: skip -->\n```js\n```\n')).toThrow(/line 1/);
  });

  it('only reads a marker right before the fence', () => {
    const [block] = extractBlocks('<!-- docs-test: skip (x) -->\n\n```js\nrun();\n```\n');
    expect(block?.kind).toBe('mjs');
  });
});

describe('shellScript', () => {
  it('keeps line numbers and does not run installs or SJROOM_* exports', () => {
    const script = shellScript(
      'npm install @intl-sms/cli\nexport SJROOM_ACCOUNT=a SJROOM_PASSWORD=b\nexport OTHER=1\nnpx intl-sms balance\n',
    );
    expect(script.split('\n')).toEqual([
      'set -euxo pipefail; : # not run: npm install @intl-sms/cli',
      ': # not run: export SJROOM_ACCOUNT=a SJROOM_PASSWORD=b',
      'export OTHER=1',
      'npx intl-sms balance',
      '',
    ]);
  });
});

describe('importedPackages', () => {
  it('lists the npm packages of imports and requires, without built-ins and subpaths', () => {
    const code = [
      "import nodemailer from 'nodemailer';",
      "import { createNotifmeSmsProvider } from '@intl-sms/adapter-notifications/notifme';",
      "import { readFile } from 'node:fs/promises';",
      "import { join } from 'path';",
      "const pino = require('pino');",
      "await import('./local.js');",
      "import 'dotenv/config';",
    ].join('\n');
    expect(importedPackages(code)).toEqual([
      '@intl-sms/adapter-notifications',
      'dotenv',
      'nodemailer',
      'pino',
    ]);
  });
});

describe('readApiDoc', () => {
  it('reads request and response tables per endpoint', () => {
    const doc = [
      '### Submit: `POST /api/x/submit`',
      '#### Request',
      '| field | type | required | meaning |',
      '| --- | --- | --- | --- |',
      '| id | integer (int64), or its digits as a string | yes | the id |',
      '| tags | array of string | no | tags |',
      '#### Response',
      '| field | type | meaning |',
      '| --- | --- | --- |',
      '| data | string | the batch |',
      '## Other',
      '| field | type | meaning |',
      '| --- | --- | --- |',
      '| ignored | string | not an endpoint |',
    ].join('\n');
    expect(readApiDoc(doc)).toEqual([
      {
        path: '/api/x/submit',
        request: [
          { name: 'id', types: ['integer', 'string'], required: true, line: 5 },
          { name: 'tags', types: ['array of string'], required: false, line: 6 },
        ],
        response: [{ name: 'data', types: ['string'], line: 10 }],
      },
    ]);
  });
});
