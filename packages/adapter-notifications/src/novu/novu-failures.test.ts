import { ChannelTypeEnum, NovuStateless } from '@novu/stateless';
import { describe, expect, it } from 'vitest';
import type { IncompleteSendEvent } from '../notifier/incomplete-send.js';
import { useMock } from '../test-support/mock.js';
import { SEND_SCENARIOS, wire } from '../test-support/send-scenarios.js';
import { createNovuSmsProvider } from './index.js';

const env = useMock();

/** An application that retries a failed trigger, as job runners do: the hazard to avoid. */
async function triggerWithRetries(novu: NovuStateless, payload: object, attempts = 3) {
  const errors: unknown[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      await novu.trigger('order', payload as never);
      return errors;
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}

// `$phone` is one number; the two-country scenarios are in the last test.
const scenarios = SEND_SCENARIOS.filter((scenario) => scenario.to.length === 1);

describe.each(scenarios)('real @novu/stateless trigger: $name', (scenario) => {
  it(`${scenario.outcome === 'refused' ? 'rejects' : 'resolves and reports'}; an app that retries rejections never sends twice`, async () => {
    await env.faults([...scenario.faults]);
    const events: IncompleteSendEvent[] = [];
    const novu = new NovuStateless();
    await novu.registerProvider(
      createNovuSmsProvider(env.settings(await scenario.settings?.()), {
        onIncompleteSend: (event) => {
          events.push(event);
        },
      }),
    );
    await novu.registerTemplate({
      id: 'order',
      messages: [{ channel: ChannelTypeEnum.SMS, template: 'Order {{id}} confirmed' }],
    });
    const [to] = scenario.to as [string];
    const errors = await triggerWithRetries(novu, { $user_id: 'u1', $phone: to, id: '7' });

    expect(new Set(await env.phones()).size).toBe((await env.phones()).length);
    if (scenario.outcome === 'refused') {
      expect(errors).toHaveLength(3);
      expect(errors[0]).toMatchObject({ outcome: 'refused', safeToRetry: true });
      expect(await env.phones()).toEqual([]);
      expect(events).toEqual([]);
      return;
    }
    expect(errors).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'unknown',
        code: 'SUBMIT_OUTCOME_UNKNOWN',
        unknown: [wire(to)],
        context: { framework: 'novu' },
      }),
    ]);
    expect((await env.phones()).length).toBeLessThanOrEqual(1);
  });
});

describe('Novu sendMessage as the Novu worker calls it', () => {
  it('resolves an unknown outcome with a marker id and reports the Novu message id', async () => {
    await env.faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const events: IncompleteSendEvent[] = [];
    const provider = createNovuSmsProvider(env.settings(), {
      onIncompleteSend: (event) => {
        events.push(event);
      },
    });
    const response = await provider.sendMessage({
      id: 'novu-message-1',
      to: '+639171234567',
      content: 'x',
    });
    expect(response).toMatchObject({ id: expect.stringMatching(/^outcome-unknown:/), ids: [] });
    expect(events[0]?.context).toEqual({ framework: 'novu', messageId: 'novu-message-1' });
    expect(events[0]?.id).toBe(response.id);
  });

  it('resolves a partial send with the accepted batch', async () => {
    await env.faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit', times: 1 }]);
    const events: IncompleteSendEvent[] = [];
    const provider = createNovuSmsProvider(env.settings(), {
      onIncompleteSend: (event) => {
        events.push(event);
      },
    });
    const response = await provider.sendMessage({
      to: ['+639171234567', '+447400123456'] as unknown as string,
      content: 'two countries',
    });
    const [message] = await env.messages();
    expect(response).toMatchObject({ id: message?.batchNo, ids: [message?.batchNo] });
    expect(events).toEqual([
      expect.objectContaining({ kind: 'partial', accepted: [message?.recipients[0]?.phone] }),
    ]);
  });
});
