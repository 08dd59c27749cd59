import { FakeTransport } from '@intl-sms/core/testing';
import { describe, expect, it } from 'vitest';
import { createTransport } from './create-transport.js';
import { smsTransport } from './sms-transport-plugin.js';

describe('options are honoured or refused by name', () => {
  it('refuses sjroom settings next to a transport of your own (they would be ignored)', () => {
    const fake = new FakeTransport();
    expect(() => smsTransport({ transport: fake, account: 'a' } as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'account' }),
    );
    expect(() => createTransport({ transport: fake, subjectPrefx: true } as never)).toThrow(
      expect.objectContaining({ field: 'subjectPrefx' }),
    );
  });

  it('refuses an unknown html mode and a typo in the sjroom settings', () => {
    expect(() => smsTransport({ account: 'a', password: 'p', html: 'strip' } as never)).toThrow(
      expect.objectContaining({ field: 'html' }),
    );
    expect(() => smsTransport({ account: 'a', password: 'p', baseURL: 'x' } as never)).toThrow(
      expect.objectContaining({ field: 'baseURL' }),
    );
  });
});
