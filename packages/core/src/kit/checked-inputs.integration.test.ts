import { describe, expect, it } from 'vitest';
import { sendBulk } from '../bulk/send-bulk.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { Decimal } from '../money/decimal.js';
import type { SjroomTransportSettings } from '../providers/sjroom/create-sjroom-transport.js';
import { useMockServer } from '../test-support/mock-server.js';
import { defineSmsProvider } from './define-sms-provider.js';
import { deliveryReportOf } from './delivery-report-of.js';

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

describe("a caller's options that throw when read", () => {
  it.each([
    [
      'getBalance',
      (sms: ReturnType<typeof env.transport>, options: never) => sms.getBalance(options),
    ],
    [
      'listChannels',
      (sms: ReturnType<typeof env.transport>, options: never) => sms.listChannels(options),
    ],
  ] as const)("reach %s's caller as thrown, never blamed on the provider", async (_, read) => {
    const sms = env.transport();
    const mine = new TypeError('my getter');
    const options = {
      get timeout(): number {
        throw mine;
      },
    };
    await expect(read(sms, options as never)).rejects.toBe(mine);
    await sms.close();
  });
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

describe('request headers a provider passes', () => {
  it('refuses a value with a line break before anything is sent: a failure, never unknown', async () => {
    const gateway = defineSmsProvider({
      name: 'gateway',
      maxPhonesPerSubmit: 100,
      settingKeys: ['key'],
      createClient: (settings: { key: string }) => settings,
      listChannels: async () => [
        {
          id: 10001,
          countryCode: '63',
          operator: 'Globe',
          price: '0.0350',
          nameEn: 'Philippines',
          nameZh: '菲律宾',
          enabled: true,
        },
      ],
      submit: (client, request, call) =>
        call.http.call({
          url: new URL('/api/open/int/sms/submit', env.mock.url),
          headers: { 'x-gateway-key': client.key },
          body: JSON.stringify({ phone: request.phones.join(','), sendContent: request.text }),
          read: () => 'never read',
        }),
      getDeliveryReport: async (_client, request) => deliveryReportOf(request.id, []),
      getBalance: async () => ({ amount: '1', value: Decimal.parse('1') }),
    });
    // A key read from a file with its trailing newline.
    const sms = gateway.createTransport({ key: 'gw_key_123\n' });
    const error = await sms.send({ to: '+639171234567', text: 'hi' }).catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as ConfigurationError).setting).toBe('headers.x-gateway-key');
    expect((error as Error).message).not.toContain('gw_key_123');
    const summary = await sendBulk(sms, ['+639171234568', '+639171234569'], { text: 'hi' });
    expect([summary.failed, summary.unknown]).toEqual([2, 0]);
    expect(await env.received()).toEqual([]);
    await sms.close();
  });
});
