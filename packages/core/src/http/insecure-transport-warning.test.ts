import { describe, expect, it } from 'vitest';
import { warnIfCredentialsInClear } from './insecure-transport-warning.js';

describe('warnIfCredentialsInClear', () => {
  it('warns once per origin for plain HTTP to a non-loopback host', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) };
    warnIfCredentialsInClear(new URL('http://api.example-sms.test/api/open/int/sms/list'), logger);
    warnIfCredentialsInClear(
      new URL('http://api.example-sms.test/api/open/int/sms/balance'),
      logger,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('http://api.example-sms.test');
    expect(warnings[0]).toContain('plain HTTP');
  });

  it('stays silent for https and for loopback hosts', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) };
    for (const url of [
      'https://api.example-sms.test/x',
      'http://127.0.0.1:8080/x',
      'http://localhost/x',
      'http://[::1]:9/x',
    ]) {
      warnIfCredentialsInClear(new URL(url), logger);
    }
    expect(warnings).toEqual([]);
  });
});
