import { FakeTransport } from '@intl-sms/core/testing';
import { describe, expect, it } from 'vitest';
import type { IncompleteSendEvent } from '../notifier/incomplete-send.js';
import { useMock } from '../test-support/mock.js';
import { notifmeSdk } from '../test-support/notifme.js';
import { SEND_SCENARIOS, wire } from '../test-support/send-scenarios.js';
import { createNotifmeSmsProvider } from './index.js';

const env = useMock();

const cases = ['fallback', 'roundrobin'].flatMap((strategy) =>
  SEND_SCENARIOS.map((scenario) => ({ strategy, scenario, name: scenario.name })),
);

describe.each(cases)(
  'real notifme-sdk, $strategy, primary over the mock: $name',
  ({ strategy, scenario }) => {
    it(`${scenario.outcome === 'refused' ? 'falls back' : 'never falls back'}; the backup never gets a number the mock may have`, async () => {
      await env.faults([...scenario.faults]);
      const backup = new FakeTransport();
      const events: IncompleteSendEvent[] = [];
      const notifme = notifmeSdk(
        [
          createNotifmeSmsProvider(env.settings(await scenario.settings?.()), {
            id: 'primary',
            onIncompleteSend: (event) => {
              events.push(event);
            },
          }),
          createNotifmeSmsProvider(backup, { id: 'backup' }),
        ],
        strategy,
      );
      const to = scenario.to.length === 1 ? scenario.to[0] : [...scenario.to];
      const result = await notifme.send({
        metadata: { id: 'request-42', userId: 'user-7' },
        sms: { from: 'Acme', to, text: `notifme ${strategy}: ${scenario.name}` },
      });

      const messages = await env.messages();
      const atMock = await env.phones();
      const mayHaveReached = new Set([...atMock, ...events.flatMap((e) => e.unknown)]);
      const numbers = scenario.to.map(wire);
      // The oracle: at most once at the mock, never at both, never silently dropped.
      expect(new Set(atMock).size).toBe(atMock.length);
      for (const phone of backup.sentPhones) expect(mayHaveReached.has(phone)).toBe(false);
      const reported = events.flatMap((e) => [...e.failed, ...e.unknown]);
      for (const phone of numbers)
        expect(
          atMock.includes(phone) || backup.sentPhones.includes(phone) || reported.includes(phone),
        ).toBe(true);

      if (scenario.outcome === 'refused') {
        expect(result).toMatchObject({
          status: 'success',
          channels: { sms: { providerId: 'backup' } },
        });
        expect(backup.sentPhones.sort()).toEqual([...numbers].sort());
        expect(atMock).toEqual([]);
        expect(events).toEqual([]);
        return;
      }
      expect(backup.submits).toEqual([]);
      expect(result).toMatchObject({
        status: 'success',
        channels: { sms: { providerId: 'primary' } },
      });
      expect(events).toHaveLength(1);
      const [event] = events as [IncompleteSendEvent];
      expect(event).toMatchObject({
        kind: scenario.outcome,
        context: { framework: 'notifme', requestId: 'request-42', userId: 'user-7' },
      });
      expect(result.channels?.sms?.id).toBe(event.id);
      if (scenario.outcome === 'unknown') {
        expect(event).toMatchObject({
          code: 'SUBMIT_OUTCOME_UNKNOWN',
          unknown: numbers,
          batchIds: [],
        });
        expect(event.id).toMatch(/^outcome-unknown:[0-9a-f-]{36}$/);
      } else {
        expect(event.code).toBe('PARTIAL_SEND');
        expect(event.id).toBe(event.batchIds[0]);
        expect(messages.map((m) => m.batchNo)).toContain(event.id);
      }
    });
  },
);
