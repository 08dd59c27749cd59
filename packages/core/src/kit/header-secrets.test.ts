import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SecretMask } from '../http/secret-forms.js';
import { headerSecrets, redactThrown } from './header-secrets.js';

describe('headerSecrets', () => {
  it('takes each value, the credential after its scheme and a Basic password; not content-type', () => {
    const basic = btoa('user:pässword'.replace('ä', '\u00c3\u00a4'));
    expect(
      headerSecrets({
        Authorization: 'Bearer tok-123',
        'x-api-key': ' key-456 ',
        'content-type': 'application/json',
        proxy: `Basic ${basic}`,
      }),
    ).toEqual([
      'Bearer tok-123',
      'tok-123',
      'key-456',
      `Basic ${basic}`,
      basic,
      'user:pässword',
      'pässword',
    ]);
    expect(headerSecrets(undefined)).toEqual([]);
    // Not base64: the value and the part after the scheme only.
    expect(headerSecrets({ authorization: 'Basic !!' })).toEqual(['Basic !!', '!!']);
  });
});

describe('redactThrown', () => {
  const mask = new SecretMask(['tok-123']);

  it('masks message, stack, own strings, causes and nested errors, in place', () => {
    const inner = new Error('inner tok-123');
    const error = Object.assign(new AggregateError([inner], 'outer tok-123', { cause: inner }), {
      snippet: '{"key":"tok-123"}',
      details: { list: ['tok-123'] },
    });
    expect(redactThrown(error, mask)).toBe(error);
    const shown = `${inspect(error, { depth: 10 })} ${error.stack}`;
    expect(shown).not.toContain('tok-123');
    expect(error.message).toBe('outer ***');
    expect(error.snippet).toBe('{"key":"***"}');
    expect(error.details.list).toEqual(['***']);
  });

  it('survives cycles, frozen objects and values that are not objects', () => {
    const error = new Error('tok-123') as Error & { self?: unknown; frozen?: unknown };
    error.self = error;
    error.frozen = Object.freeze({ text: 'tok-123' });
    redactThrown(error, mask);
    expect(error.message).toBe('***');
    expect(redactThrown('thrown tok-123', mask)).toBe('thrown ***');
    expect(redactThrown(undefined, mask)).toBeUndefined();
  });
});
