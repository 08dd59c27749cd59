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
