import { describe, expect, it } from 'vitest';
import { Credentials } from './credentials.js';
import { SecretMask } from './secret-forms.js';

// Found by the second hostile review: a WAF page echoing the request held the password
// JSON-encoded with `\/` (PHP's json_encode, some Java encoders), with non-ASCII as
// `\uXXXX` (Jackson's ESCAPE_NON_ASCII, Python's json.dumps) or form-urlencoded.
const password = 'pä ss/wörd~*!';
const php = (text: string) =>
  JSON.stringify(text)
    .slice(1, -1)
    .replaceAll('/', '\\/')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('SecretMask: escaped forms of a secret', () => {
  const mask = new SecretMask([password]);

  it.each([
    [
      'JSON with escaped slashes (\\/)',
      JSON.stringify(password).slice(1, -1).replaceAll('/', '\\/'),
    ],
    [
      'JSON with non-ASCII as \\uXXXX, lower hex',
      JSON.stringify(password)
        .slice(1, -1)
        .replace(/[äö]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    ],
    [
      'JSON with non-ASCII as \\uXXXX, upper hex',
      JSON.stringify(password)
        .slice(1, -1)
        .replace(/[äö]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`),
    ],
    ['JSON with both (PHP json_encode)', php(password)],
    [
      'a form body (URLSearchParams: + for a space)',
      new URLSearchParams({ p: password }).toString().slice(2),
    ],
    [
      'a form body with lower-case hex',
      new URLSearchParams({ p: password }).toString().slice(2).toLowerCase(),
    ],
    ['PHP urlencode (~ and * encoded, + for a space)', 'p%C3%A4+ss%2Fw%C3%B6rd%7E%2A%21'],
    ['RFC 3986 (rawurlencode)', 'p%C3%A4%20ss%2Fw%C3%B6rd~%2A%21'],
    ['encodeURIComponent', encodeURIComponent(password)],
    [
      'encodeURIComponent with + for a space (jQuery.param)',
      encodeURIComponent(password).replaceAll('%20', '+'),
    ],
  ])('masks the secret written as %s', (_form, echo) => {
    expect(mask.mask(`before ${echo} after`)).toBe('before *** after');
  });

  it('masks ASCII-only JSON of a JSON body (a request quoted in an error message)', () => {
    const secret = 'pé "q" \\z';
    const inner = JSON.stringify(secret).slice(1, -1);
    for (const hex of [(h: string) => h, (h: string) => h.toUpperCase()]) {
      const echo = JSON.stringify(inner)
        .slice(1, -1)
        .replace(
          /[^\x20-\x7e]/g,
          (c) => `\\u${hex(c.charCodeAt(0).toString(16).padStart(4, '0'))}`,
        );
      expect(echo).toContain('\\\\\\"q');
      expect(new SecretMask([secret]).mask(`<${echo}>`)).toBe('<***>');
    }
  });

  it('masks every secret it holds, the longer first, and skips ones too short to mask', () => {
    const two = new SecretMask(['token-abc', 'abc', 'x']);
    expect(two.mask('token-abc, abc, x')).toBe('***, ***, x');
    expect(new SecretMask(['ab', '']).empty).toBe(true);
  });

  it('masks "HTML-safe" JSON as Go and Gson write it (found by the fourth review)', () => {
    const secret = 'Tr0ub4dor&3xyz<>c2VjcmV0==';
    const go = 'Tr0ub4dor\\u00263xyz\\u003c\\u003ec2VjcmV0==';
    const gson = 'Tr0ub4dor\\u00263xyz\\u003c\\u003ec2VjcmV0\\u003d\\u003d';
    const mask = new SecretMask([secret]);
    const upperHex = gson.replace(
      /\\u00([0-9a-f]{2})/g,
      (_, hex: string) => `\\u00${hex.toUpperCase()}`,
    );
    for (const echoed of [go, gson, upperHex])
      expect(mask.mask(`gateway refused key ${echoed}.`)).not.toContain(echoed);
    expect(mask.mask(`key ${gson}`)).toBe('key ***');
  });

  it('never throws on a secret with a lone surrogate', () => {
    expect(new SecretMask(['ab\ud800cd']).mask('x ab\ud800cd y')).toBe('x *** y');
  });
});

describe('Credentials.redact: the same forms in an echoed body', () => {
  it('masks a password echoed with escaped slashes, \\u escapes or form encoding', () => {
    const credentials = new Credentials('demo-account', password);
    for (const echo of [
      `{"pwd":"${php(password)}"}`,
      `{"pwd":"${php(password).replace(/\\u(\w{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`)}"}`,
      `pwd=${new URLSearchParams({ p: password }).toString().slice(2)}`,
    ]) {
      const masked = credentials.redact(echo);
      expect(masked).toMatch(/^(?:\{"pwd":"\*\*\*"\}|pwd=\*\*\*)$/);
    }
  });
});
