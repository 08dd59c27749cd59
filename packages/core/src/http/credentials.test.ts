import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Credentials } from './credentials.js';

describe('Credentials.redact', () => {
  // Found by the hostile review: a WAF page echoing the JSON request body carried the
  // password JSON-escaped, and only the literal form was masked.
  it('masks the secrets as written, and as JSON, a URL and HTML escape them', () => {
    const password = 'pa"ss\\word&<42>';
    const credentials = new Credentials('acct-é/1', password);
    const echoes = [
      password,
      JSON.stringify({ password }),
      `password=${encodeURIComponent(password)}`,
      'pa&quot;ss\\word&amp;&lt;42&gt;',
      JSON.stringify({ account: 'acct-é/1' }),
      `account=${encodeURIComponent('acct-é/1')}`,
    ];
    for (const echo of echoes) {
      const masked = credentials.redact(`before ${echo} after`);
      expect(masked).toContain('***');
      expect(masked).not.toContain('ss\\');
      expect(masked).not.toContain('acct-');
    }
  });

  it('never shows the secrets through inspect, JSON or String', () => {
    const credentials = new Credentials('account-x', 'secret-y');
    for (const shown of [inspect(credentials), JSON.stringify(credentials), String(credentials)])
      expect(shown).not.toMatch(/account-x|secret-y/);
  });
});

describe('Credentials.redact: more escaped forms, echoes cut short, short secrets', () => {
  const password = 'p "é" & <x>';
  const credentials = new Credentials('acct-7', password);

  it.each([
    ['JSON with non-ASCII escaped (lower hex)', JSON.stringify(password).replace('é', '\\u00e9')],
    ['JSON with non-ASCII escaped (upper hex)', JSON.stringify(password).replace('é', '\\u00E9')],
    ['a URL with lower-case hex', encodeURIComponent(password).toLowerCase()],
    ['a form body (+ for space)', new URLSearchParams({ password }).toString()],
    ['HTML with decimal entities', 'p &#34;é&#34; &#38; &#60;x&#62;'],
    ['HTML with hex entities', 'p &#x22;é&#x22; &#x26; &#x3c;x&#x3e;'],
    [
      'HTML of a JSON body',
      `{&quot;password&quot;:&quot;p \\&quot;é\\&quot; &amp; &lt;x&gt;&quot;}`,
    ],
    [
      'JSON in a JSON string',
      `[body:${JSON.stringify(JSON.stringify({ p: password })).slice(1, -1)}]`,
    ],
  ])('masks the password written as %s', (_form, echo) => {
    const masked = credentials.redact(`before ${echo} after`);
    expect(masked).toContain('***');
    expect(masked).not.toMatch(/é|x(?:&|%|\\|>)/i);
  });

  it('masks an echoed body cut off in the middle of the password', () => {
    const cut = `{"account":"acct-7","password":${JSON.stringify(password).slice(0, 6)}`;
    expect(credentials.redact(cut)).toBe('{"account":"***","password":"***');
  });

  it('masks a 1–2 character account and password where the body is echoed, and nowhere else', () => {
    const short = new Credentials('ab', 'x');
    const echoes: [string, string][] = [
      ['{"account":"ab","password":"x"}', '{"account":"***","password":"***"}'],
      ['{ "account" : "ab" , "password" : "x" }', '{ "account" : "***" , "password" : "***" }'],
      ['account=ab&password=x', 'account=***&password=***'],
      [
        'POST /submit?account=ab&password=x HTTP/1.1',
        'POST /submit?account=***&password=*** HTTP/1.1',
      ],
      [
        '{"raw":"{\\"account\\":\\"ab\\",\\"password\\":\\"x\\"}"}',
        '{"raw":"{\\"account\\":\\"***\\",\\"password\\":\\"***\\"}"}',
      ],
      [
        '<pre>{&quot;account&quot;:&quot;ab&quot;,&quot;password&quot;:&quot;x&quot;}</pre>',
        '<pre>{&quot;account&quot;:&quot;***&quot;,&quot;password&quot;:&quot;***&quot;}</pre>',
      ],
      ['{"password":"\\"', '{"password":"***'],
    ];
    for (const [echo, masked] of echoes) expect(short.redact(echo)).toBe(masked);
    // Elsewhere the message stays readable: masking every "x" and "ab" would destroy it.
    const message = '[phone:about 6 boxes of text exceed the limit]';
    expect(short.redact(message)).toBe(message);
  });

  it('stays linear on adversarial text', () => {
    const short = new Credentials('ab', 'x');
    const hostile = [
      '"password":"'.repeat(20_000),
      `{&#0000034;password${' '.repeat(50_000)}`,
      `\\"password\\":\\"${'\\'.repeat(100_000)}`,
      `password=${'&password='.repeat(20_000)}`,
    ];
    for (const text of hostile) {
      const started = performance.now();
      short.redact(text);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });
});
