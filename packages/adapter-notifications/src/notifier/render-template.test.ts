import { FakeTransport } from '@intl-sms/core/testing';
import { describe, expect, it } from 'vitest';
import { createSmsNotifier } from './create-sms-notifier.js';
import { renderTemplate } from './render-template.js';

describe('renderTemplate reads only what the data holds itself', () => {
  it('fills own properties, dotted paths, array items and a string length', () => {
    const data = { name: 'Ann', order: { id: 42, paid: true, total: 10n }, items: ['x', 'y'] };
    expect(
      renderTemplate(
        '{{name}} ({{name.length}}) #{{order.id}} {{order.paid}} {{order.total}} {{items.1}} {{ items.length }}',
        data,
      ),
    ).toBe('Ann (3) #42 true 10 y 2');
  });

  // Found by the hostile review: `{{constructor}}` printed `function Object() { [native code] }`.
  it.each([
    '{{constructor}}',
    '{{toString}}',
    '{{__proto__}}',
    '{{name.constructor}}',
    '{{order.__proto__.constructor}}',
    '{{order.hasOwnProperty}}',
    '{{callback}}',
    '{{sym}}',
  ])('refuses %s, naming it, instead of printing what is inherited or a function', (template) => {
    const data = { name: 'Ann', order: { id: 1 }, callback: () => 'x', sym: Symbol('s') };
    expect(() => renderTemplate(template, data)).toThrow(
      new RangeError(`template placeholder ${template} has no value in data`),
    );
  });
});

describe('the notifier takes only its own templates', () => {
  it('refuses a template named after an inherited property, and a template that reaches one', async () => {
    const transport = new FakeTransport();
    const notifier = createSmsNotifier(transport, { templates: { welcome: 'Hi {{name}}' } });
    await expect(
      notifier.notify({ to: '+639171234567', template: 'constructor', data: {} }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'No SMS template named "constructor" (options.templates)',
    });
    await expect(
      notifier.notify({ to: '+639171234567', template: 'Hi {{constructor}}', data: {} }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'data' });
    await notifier.notify({ to: '+639171234567', template: 'welcome', data: { name: 'Ann' } });
    expect(transport.submits.map((submit) => submit.text)).toEqual(['Hi Ann']);
    await notifier.close();
  });
});
