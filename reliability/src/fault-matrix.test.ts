import {
  createFailoverTransport,
  createSjroomTransport,
  type SmsTransport,
  sendBulk,
} from '@intl-sms/core';
import { FakeTransport } from '@intl-sms/core/testing';
import {
  DEMO_ACCOUNT,
  type FaultRuleInput,
  type RunningMockServer,
  startMockServer,
} from '@intl-sms/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountingViolations, type ClientReport, receivedCounts } from './support/accounting.js';
import { recordFigures } from './support/figures.js';
import { reportFromSend } from './support/report-from-send.js';

/** Every fault the mock can inject, with its parameters. */
const FAULTS: Record<string, Omit<FaultRuleInput, 'endpoint'>> = {
  'latency past the timeout': { type: 'latency', delayMs: 1_500 },
  '429': { type: 'state-code', stateCode: '429' },
  'stateCode 500': { type: 'state-code', stateCode: '500' },
  'HTTP 500': { type: 'http-status', status: 500 },
  'HTTP 502': { type: 'http-status', status: 502 },
  'HTTP 503': { type: 'http-status', status: 503 },
  'drop before response': { type: 'drop' },
  'reset after request read': { type: 'reset' },
  'truncated body': { type: 'truncate' },
  'non-JSON body': { type: 'non-json' },
  'rate limit': { type: 'rate-limit', limit: 0 },
};
const ENDPOINTS = ['list', 'submit'] as const;
const MODES = ['single send', 'bulk send', 'failover'] as const;

const RECIPIENTS = ['639171234565', '639171234575', '447400123456', '6591234567'];

let mock: RunningMockServer;
let cells = 0;
let faultsInjected = 0;
let duplicates = 0;
let accounted = 0;
beforeAll(async () => {
  mock = await startMockServer({ receiptDelay: 0 });
});
afterAll(async () => {
  recordFigures('faultMatrix', {
    cells,
    faultsInjected,
    recipientsAccountedFor: accounted,
    duplicatesFound: duplicates,
  });
  await mock.close();
});

function transport(): SmsTransport {
  return createSjroomTransport({
    ...DEMO_ACCOUNT,
    baseUrl: mock.url,
    timeout: 700,
    responseTimeout: 700,
    retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 },
  });
}

async function run(mode: (typeof MODES)[number]): Promise<ClientReport> {
  const to = RECIPIENTS.map((phone) => `+${phone}`);
  if (mode === 'bulk send') {
    const sms = transport();
    const summary = await sendBulk(sms, to, { text: 'matrix', chunkSize: 2, concurrency: 2 });
    await sms.close();
    const pick = (list: readonly { index: number }[]) =>
      list.map((entry) => RECIPIENTS[entry.index] as string);
    const rejected = [...pick(summary.rejectedRecipients), ...pick(summary.failedRecipients)];
    const unknown = pick(summary.unknownRecipients);
    return {
      accepted: RECIPIENTS.filter((p) => !rejected.includes(p) && !unknown.includes(p)),
      rejected,
      unknown,
    };
  }
  const sms =
    mode === 'failover' ? createFailoverTransport([transport(), new FakeTransport()]) : transport();
  const outcome = await sms.send({ to, text: 'matrix' }).catch((error: unknown) => error);
  await sms.close();
  const report = reportFromSend(RECIPIENTS, outcome);
  if (
    mode !== 'failover' ||
    !(
      outcome &&
      typeof outcome === 'object' &&
      'id' in outcome &&
      String(outcome.id).startsWith('fake-')
    )
  ) {
    return report;
  }
  // Sent by the fake backup: nothing may have reached the mock.
  return {
    accepted: [],
    rejected: [...report.accepted, ...report.rejected],
    unknown: report.unknown,
  };
}

describe.each(MODES)('fault matrix: %s', (mode) => {
  describe.each(ENDPOINTS)('fault on %s', (endpoint) => {
    it.each(Object.keys(FAULTS))(
      '%s: every recipient accounted for, none sent twice',
      async (name) => {
        await mock.app.inject({ method: 'POST', url: '/__mock/reset' });
        await mock.app.inject({
          method: 'PUT',
          url: '/__mock/faults',
          payload: [{ ...FAULTS[name], endpoint }],
        });
        const report = await run(mode);
        // A delayed request is still processed by the mock after the client gave up: wait
        // for it, so it is counted here (unknown: at most once) and not in the next cell.
        const delay = FAULTS[name]?.delayMs;
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay + 200));
        const received = receivedCounts(mock);
        const violations = accountingViolations(RECIPIENTS, report, received);
        expect(violations).toEqual([]);
        cells++;
        faultsInjected++;
        accounted += RECIPIENTS.length;
        duplicates += [...received.values()].filter((times) => times > 1).length;
      },
    );
  });
});
