import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { SjroomTransportSettings } from '../providers/sjroom/create-sjroom-transport.js';
import { useMockServer } from '../test-support/mock-server.js';

const env = useMockServer();

describe('per-call options', () => {
  it.each([
    [{ timeout: -1 }, 'timeout'],
    [{ timeout: Number.NaN }, 'timeout'],
    [{ timeout: '5000' }, 'timeout'],
    [{ signal: 'abort-me' }, 'signal'],
    [{ timout: 5000 }, 'timout'],
  ])(
    'refuses %j with a ValidationError naming %s, before anything is sent',
    async (options, field) => {
      const sms = env.transport();
      const error = await sms
        .send({ to: '+639171234567', text: 'x' }, options as never)
        .catch((e: unknown) => e);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).field).toContain(field);
      expect(await env.received()).toEqual([]);
      await expect(sms.getBalance(options as never)).rejects.toSatisfy((e) =>
        ValidationError.isInstance(e),
      );
      await sms.close();
    },
  );
});

describe('HTTP settings', () => {
  it.each([
    [{ timeout: 'abc' }, 'timeout'],
    [{ timeout: -1 }, 'timeout'],
    [{ responseTimeout: -5 }, 'responseTimeout'],
    [{ maxResponseBytes: 'big' }, 'maxResponseBytes'],
    [{ proxy: 'not a url' }, 'proxy'],
    [{ retry: { maxAtempts: 10 } }, 'retry'],
    [{ retry: 5 }, 'retry'],
    [{ onRequest: 5 }, 'onRequest'],
  ])('refuses %j at creation with a ConfigurationError naming %s', (settings, field) => {
    const create = () => env.transport(settings as unknown as SjroomTransportSettings);
    expect(create).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    try {
      create();
    } catch (error) {
      expect(ConfigurationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(field);
    }
  });
});
