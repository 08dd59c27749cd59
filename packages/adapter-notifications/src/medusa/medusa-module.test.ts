import { describe, expect, it } from 'vitest';
import type { IncompleteSendEvent } from '../notifier/incomplete-send.js';
import {
  loadNotificationModule,
  type MedusaNotificationModule,
} from '../test-support/medusa-notification-module.js';
import { useMock } from '../test-support/mock.js';
import { SEND_SCENARIOS, wire } from '../test-support/send-scenarios.js';
import { IntlSmsNotificationProviderService } from './index.js';

const env = useMock();

function recordingLogger() {
  const lines: { level: string; line: string }[] = [];
  const log = (level: string) => (line: string) => lines.push({ level, line });
  return {
    lines,
    logger: { info: log('info'), warn: log('warn'), error: log('error') } as never,
  };
}

/** The real notification module with our provider; its events and logger lines. */
async function load(options: Record<string, unknown> = {}) {
  const events: IncompleteSendEvent[] = [];
  const { lines, logger } = recordingLogger();
  const module: MedusaNotificationModule = await loadNotificationModule(
    {
      ...env.settings(),
      onIncompleteSend: (event: IncompleteSendEvent) => {
        events.push(event);
      },
      ...options,
    },
    logger,
  );
  return { module, events, lines };
}

const sms = (to: string, key: string) => ({
  to,
  channel: 'sms',
  template: 'order-placed',
  content: { text: `Your order ${key} is confirmed` },
  idempotency_key: key,
});

// A Medusa notification has one `to`; the two-country scenarios are in the last test.
const scenarios = SEND_SCENARIOS.filter((scenario) => scenario.to.length === 1);

describe.each(scenarios)(
  'real Medusa notification module (createNotifications): $name',
  (scenario) => {
    it(`${scenario.outcome === 'refused' ? 'fails the row, so a retry may send' : 'marks the row sent, so nothing resends it'}; the mock gets the number at most once`, async () => {
      await env.faults([...scenario.faults]);
      const { module, events, lines } = await load(await scenario.settings?.());
      const [to] = scenario.to as [string];
      const first = await module.createNotifications(sms(to, 'order-1')).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      const [row] = module.rows();

      if (scenario.outcome === 'refused') {
        expect(first?.message).toMatch(/^Failed to send notification with id noti_/);
        expect(row?.status).toBe('failure');
        expect(events).toEqual([]);
        expect(await env.phones()).toEqual([]);
        return;
      }
      expect(first).toBeUndefined();
      expect(row).toMatchObject({
        status: 'success',
        external_id: expect.stringMatching(/^outcome-unknown:/),
      });
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'unknown',
          id: row?.external_id,
          unknown: [wire(to)],
          context: { framework: 'medusa', notificationId: row?.id, idempotencyKey: 'order-1' },
        }),
      ]);
      expect(lines.filter((l) => l.level === 'warn').map((l) => l.line)).toEqual([
        expect.stringContaining(`notificationId="${row?.id}"`),
      ]);
      // The same key again (a re-run subscriber, a retried workflow): Medusa skips a sent row.
      await env.faults([]);
      await module.createNotifications(sms(to, 'order-1'));
      expect((await env.phones()).length).toBeLessThanOrEqual(1);
      expect(events).toHaveLength(1);
    });
  },
);

describe('real Medusa notification module: retries with an idempotency_key', () => {
  it('after a definite refusal the retry sends once, and a further retry does not send again', async () => {
    await env.faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit' }]);
    const { module } = await load();
    await expect(module.createNotifications(sms('+639171234567', 'order-2'))).rejects.toThrow(
      /balance is too low/,
    );
    expect(await env.phones()).toEqual([]);
    await env.faults([]);
    // Medusa re-sends a `failure` row's key under a fresh row id, then cannot update that
    // id (NOT_FOUND), so the row stays `failure` although the SMS left: our provider
    // remembers the key and does not send it a second time.
    const retries = [];
    for (let attempt = 0; attempt < 3; attempt++)
      retries.push(
        await module.createNotifications(sms('+639171234567', 'order-2')).then(
          () => 'resolved',
          (e: Error) => e.message,
        ),
      );
    expect(retries[0]).toMatch(/not found/);
    expect(module.rows()).toEqual([expect.objectContaining({ status: 'failure' })]);
    expect(await env.phones()).toEqual(['639171234567']);
  });

  it("with incomplete: 'reject' the row fails and the same key is not resent by this process", async () => {
    await env.faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const { module, events } = await load({ incomplete: 'reject' });
    await expect(module.createNotifications(sms('+639171234567', 'order-3'))).rejects.toThrow(
      /may or may not have been accepted/,
    );
    expect(module.rows()).toEqual([expect.objectContaining({ status: 'failure' })]);
    expect(events).toEqual([expect.objectContaining({ kind: 'unknown', id: undefined })]);
    await module.createNotifications(sms('+639171234567', 'order-3')).catch(() => undefined);
    expect(await env.phones()).toEqual(['639171234567']);
  });
});

describe('Medusa provider send, called as the module calls it', () => {
  it('resolves a partial send with the accepted batch and reports the refused number', async () => {
    await env.faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit', times: 1 }]);
    const events: IncompleteSendEvent[] = [];
    const { logger, lines } = recordingLogger();
    const provider = new IntlSmsNotificationProviderService(
      { logger },
      { ...env.settings(), onIncompleteSend: (event) => void events.push(event) },
    );
    const result = await provider.send({
      id: 'noti_partial',
      to: ['+639171234567', '+447400123456'] as unknown as string,
      channel: 'sms',
      template: 't',
      content: { text: 'two countries' },
    } as never);
    const [message] = await env.messages();
    expect(result).toEqual({ id: message?.batchNo });
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'partial',
        code: 'PARTIAL_SEND',
        accepted: [message?.recipients[0]?.phone],
        batchIds: [message?.batchNo],
        context: { framework: 'medusa', notificationId: 'noti_partial' },
      }),
    ]);
    expect(events[0]?.failed).toHaveLength(1);
    expect(lines.find((l) => l.level === 'warn')?.line).toContain(
      '1 accepted, 1 refused, 0 unknown',
    );
  });
});
