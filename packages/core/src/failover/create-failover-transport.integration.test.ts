import { describe, expect, it } from 'vitest';
import { AllTransportsFailedError, SubmitOutcomeUnknownError } from '../errors/index.js';
import { createSjroomTransport } from '../providers/sjroom/create-sjroom-transport.js';
import { useMockServer } from '../test-support/mock-server.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { createFailoverTransport, mayFailOver } from './create-failover-transport.js';

const env = useMockServer({}, { resetAfterEach: false });

const message = { to: '+639171234567', text: 'failover' };

describe('createFailoverTransport', () => {
  it('falls over to the next transport when the first is refused (wrong password)', async () => {
    const backup = new FakeTransport();
    const sms = createFailoverTransport([env.transport({ password: 'wrong' }), backup]);
    const result = await sms.send(message);
    expect(result.id).toMatch(/^fake-/);
    expect(backup.sentPhones).toEqual(['639171234567']);
    expect((await sms.getDeliveryReport(result.id)).complete).toBe(true);
    await sms.close();
  });

  it('falls over when the first cannot connect at all', async () => {
    const unreachable = createSjroomTransport({
      account: 'a',
      password: 'p',
      baseUrl: 'http://127.0.0.1:9',
      retry: false,
    });
    const backup = new FakeTransport();
    const sms = createFailoverTransport([unreachable, backup]);
    await sms.send(message);
    expect(backup.submits).toHaveLength(1);
    await sms.close();
  });

  it('never falls over after a submit whose outcome is unknown', async () => {
    await env.inject('PUT', '/__mock/faults', [{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const backup = new FakeTransport();
    const sms = createFailoverTransport([env.transport(), backup]);
    await expect(sms.send(message)).rejects.toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(backup.submits).toEqual([]);
    await sms.close();
    await env.reset();
  });

  it('lists every transport’s error when all fail', async () => {
    const broke = new FakeTransport({ balance: '0' });
    const sms = createFailoverTransport([env.transport({ password: 'wrong' }), broke]);
    const error = await sms.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllTransportsFailedError);
    expect(
      (error as AllTransportsFailedError).errors.map((e) => [
        e.provider,
        (e.error as { code: string }).code,
      ]),
    ).toEqual([
      ['sjroom', 'AUTHENTICATION_FAILED'],
      ['fake', 'INSUFFICIENT_BALANCE'],
    ]);
    expect((error as Error).message).not.toContain('wrong');
    await sms.close();
  });

  it('takes turns with round-robin', async () => {
    const a = new FakeTransport();
    const b = new FakeTransport();
    const sms = createFailoverTransport([a, b], { strategy: 'round-robin' });
    for (let i = 0; i < 4; i++) await sms.send({ ...message, text: `turn ${i}` });
    expect([a.submits.length, b.submits.length]).toEqual([2, 2]);
    expect(sms.provider).toBe('failover(fake,fake)');
  });

  it('decides failover from the error class', () => {
    expect(mayFailOver(new SubmitOutcomeUnknownError(['1'], 1, 'reset'))).toBe(false);
    expect(mayFailOver(new Error('plain'))).toBe(false);
  });
});
