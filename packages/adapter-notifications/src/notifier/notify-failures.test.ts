import {
  AuthenticationError,
  createFailoverTransport,
  type SmsTransport,
  SubmitOutcomeUnknownError,
} from '@intl-sms/core';
import { FakeTransport } from '@intl-sms/core/testing';
import { describe, expect, it } from 'vitest';
import { useMock } from '../test-support/mock.js';
import { SEND_SCENARIOS, wire } from '../test-support/send-scenarios.js';
import { classifySendFailure } from './classify-send-failure.js';
import { createSmsNotifier } from './create-sms-notifier.js';
import { SmsNotificationError } from './notification-error.js';

const env = useMock();

const sorted = (list: readonly string[]) => [...list].sort();

describe.each(SEND_SCENARIOS)('notify on "$name"', (scenario) => {
  it(`rejects with outcome ${scenario.outcome}, and numbers that match the mock`, async () => {
    await env.faults([...scenario.faults]);
    const notifier = createSmsNotifier(env.settings(await scenario.settings?.()));
    const error = await notifier
      .notify({ to: [...scenario.to], text: `scenario ${scenario.name}` })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    await notifier.close();

    expect(SmsNotificationError.isInstance(error)).toBe(true);
    const failure = error as SmsNotificationError;
    expect(failure.outcome).toBe(scenario.outcome);
    expect(failure.safeToRetry).toBe(scenario.outcome === 'refused');
    const messages = await env.messages();
    const atMock = await env.phones();
    const numbers = scenario.to.map(wire);
    if (scenario.outcome === 'refused') {
      expect(atMock).toEqual([]);
      expect([failure.accepted, failure.unknown, failure.batchIds]).toEqual([[], [], []]);
    } else {
      // Every number is in exactly one list; accepted ones are at the mock, refused ones not.
      expect(sorted([...failure.accepted, ...failure.failed, ...failure.unknown])).toEqual(
        sorted(numbers),
      );
      for (const phone of failure.accepted) expect(atMock).toContain(phone);
      for (const phone of failure.failed) expect(atMock).not.toContain(phone);
      expect(sorted(failure.batchIds)).toEqual(
        sorted(
          messages
            .filter((m) => m.recipients.some((r) => failure.accepted.includes(r.phone)))
            .map((m) => m.batchNo),
        ),
      );
    }
    if (scenario.outcome === 'unknown') expect(failure.unknown).toEqual(numbers);
    if (scenario.outcome === 'partial') expect(failure.accepted).toHaveLength(1);
    expect(JSON.stringify(failure)).not.toContain('scenario-canary-password');
  });
});

/** A transport whose send throws `thrown`: stands for a transport that is not ours. */
function throwingTransport(thrown: unknown): SmsTransport {
  const fake = new FakeTransport();
  return Object.assign(Object.create(fake) as SmsTransport, {
    specificationVersion: 'v1' as const,
    send: async () => {
      throw thrown;
    },
  });
}

describe('classification beyond the mock', () => {
  it('treats an error that is not from @intl-sms as unknown: it may have been sent', async () => {
    const notifier = createSmsNotifier(throwingTransport(new TypeError('socket hang up')));
    await expect(notifier.notify({ to: '+639171234567', text: 'x' })).rejects.toMatchObject({
      outcome: 'unknown',
      safeToRetry: false,
      code: 'SEND_FAILED',
      unknown: [],
    });
    expect(classifySendFailure('a string').outcome).toBe('unknown');
  });

  it('classifies a failover that gave up by each transport it tried', async () => {
    const refusing = () => {
      const fake = new FakeTransport();
      fake.failNext(new AuthenticationError('wrong password'));
      return fake;
    };
    const allRefused = createSmsNotifier(createFailoverTransport([refusing(), refusing()]));
    await expect(allRefused.notify({ to: '+639171234567', text: 'x' })).rejects.toMatchObject({
      code: 'ALL_TRANSPORTS_FAILED',
      outcome: 'refused',
      safeToRetry: true,
    });

    const unknown = new FakeTransport();
    unknown.failNext(
      new SubmitOutcomeUnknownError(['639171234567'], 1, 'stateCode 500', {
        evidence: 'provider-error',
      }),
    );
    const oneUnknown = createSmsNotifier(
      createFailoverTransport([unknown, refusing()], { failOverOnProviderError: true }),
    );
    await expect(oneUnknown.notify({ to: '+639171234567', text: 'x' })).rejects.toMatchObject({
      code: 'ALL_TRANSPORTS_FAILED',
      outcome: 'unknown',
      safeToRetry: false,
      unknown: ['639171234567'],
    });
  });

  it('recognises SmsNotificationError across copies by its marker, and defaults to unknown', () => {
    const error = new SmsNotificationError('X', 'x');
    expect(error.outcome).toBe('unknown');
    expect(error.safeToRetry).toBe(false);
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('intl-sms.notification-error')]: true,
    });
    expect(SmsNotificationError.isInstance(foreign)).toBe(true);
    expect(SmsNotificationError.isInstance(Object.assign(new Error('x'), { code: 'X' }))).toBe(
      false,
    );
    expect(SmsNotificationError.isInstance(null)).toBe(false);
  });
});
