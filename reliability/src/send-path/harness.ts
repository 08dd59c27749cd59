import { createSjroomTransport, type SmsTransport } from '@intl-sms/core';
import type { RunningMockServer } from '@intl-sms/mock-server';
import { CALL_TIMEOUT_MS } from './fault-schedule.js';
import { ACCOUNTS, type Scenario, type ThrowingHooks } from './scenario.js';

/** What every driver needs: the mock and a way to build transports onto it. */
export interface Harness {
  readonly mock: RunningMockServer;
  /**
   * A fresh sjroom transport on account `n` of {@link ACCOUNTS}, with throwing hooks as
   * drawn, and the scenarios' short call timeout unless `timeoutMs` says otherwise.
   */
  transport(n: number, hooks: ThrowingHooks, timeoutMs?: number): SmsTransport;
}

const boom = () => {
  throw new Error('application hook failed');
};

/** The harness over a running mock server. */
export function harness(mock: RunningMockServer): Harness {
  return {
    mock,
    transport(n, hooks, timeoutMs = CALL_TIMEOUT_MS) {
      const account = ACCOUNTS[n] ?? ACCOUNTS[0];
      return createSjroomTransport({
        ...account,
        baseUrl: mock.url,
        timeout: timeoutMs,
        responseTimeout: timeoutMs,
        retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 4 },
        ...(hooks.onResponse ? { onResponse: boom } : {}),
        ...(hooks.onError ? { onError: boom, onRetry: boom } : {}),
        ...(hooks.logger ? { logger: { warn: boom, debug: boom } } : {}),
      });
    },
  };
}

/** The text an input is sent with in a scenario. */
export function textOf(scenario: Scenario, index: number): string {
  return scenario.recipients[index]?.text ?? scenario.text;
}
