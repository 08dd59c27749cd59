import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../errors/index.js';
import { createSjroomTransport } from './create-sjroom-transport.js';

describe('createSjroomTransport', () => {
  it('reads SJROOM_* variables when options are missing', () => {
    const transport = createSjroomTransport({
      env: {
        SJROOM_ACCOUNT: 'a',
        SJROOM_PASSWORD: 'p',
        SJROOM_BASE_URL: 'https://sms.example.test/',
      },
    });
    expect(transport.specificationVersion).toBe('v1');
    expect(transport.provider).toBe('sjroom');
    expect(transport.client.baseUrl).toBe('https://sms.example.test');
  });

  it('defaults to the vendor base URL', () => {
    expect(createSjroomTransport({ account: 'a', password: 'p', env: {} }).client.baseUrl).toBe(
      'http://api.sjroom.cn',
    );
  });

  it.each([
    [{ env: {} }, 'account'],
    [{ env: { SJROOM_ACCOUNT: 'a' } }, 'password'],
    [{ account: 'a', password: '', env: {} }, 'password'],
  ])('fails at creation when a credential is missing (%j)', (settings, setting) => {
    const error = (() => {
      try {
        createSjroomTransport(settings);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ setting, code: 'CONFIGURATION_INVALID' });
    expect((error as Error).message).toContain(
      setting === 'account' ? 'SJROOM_ACCOUNT' : 'SJROOM_PASSWORD',
    );
  });

  it.each(['ftp://x.test', 'not a url', 'https://user:pw@x.test'])(
    'refuses base URL %s',
    (baseUrl) => {
      expect(() => createSjroomTransport({ account: 'a', password: 'p', baseUrl })).toThrow(
        expect.objectContaining({ setting: 'baseUrl' }),
      );
    },
  );
});
