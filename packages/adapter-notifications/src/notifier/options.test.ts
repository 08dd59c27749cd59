import { FakeTransport } from '@intl-sms/core/testing';
import { describe, expect, it } from 'vitest';
import { createNotifmeSmsProvider } from '../notifme/index.js';
import { createNovuSmsProvider } from '../novu/index.js';
import { createSmsNotifier } from './create-sms-notifier.js';

describe('options of every adapter are honoured or refused by name', () => {
  it.each([
    [
      'createSmsNotifier',
      () => createSmsNotifier(new FakeTransport(), { template: {} } as never),
      'template',
    ],
    [
      'createSmsNotifier',
      () => createSmsNotifier(new FakeTransport(), { onInvalid: 'drop' } as never),
      'onInvalid',
    ],
    [
      'createNotifmeSmsProvider',
      () => createNotifmeSmsProvider(new FakeTransport(), { ids: 'x' } as never),
      'ids',
    ],
    [
      'createNovuSmsProvider',
      () => createNovuSmsProvider(new FakeTransport(), { incompete: 'reject' } as never),
      'incompete',
    ],
    [
      'createSmsNotifier settings',
      () => createSmsNotifier({ account: 'a', password: 'p', acount: 'x' } as never),
      'acount',
    ],
  ])('%s refuses a typo', (_, create, field) => {
    expect(create).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });
});
