import type { FaultRuleInput } from '@intl-sms/mock-server';
import fc from 'fast-check';
import type { DrawnRecipient } from './recipients.js';

/** The client's per-call timeout in scenarios; a latency above it makes the call time out. */
export const CALL_TIMEOUT_MS = 120;
/** A latency fault that outlasts the client's timeout (the mock still processes the call). */
export const PAST_TIMEOUT_MS = 150;

/** What can go wrong on a call: refusals, unknown outcomes, damaged answers, delays. */
const faultKind: fc.Arbitrary<Omit<FaultRuleInput, 'endpoint'>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: 'state-code' as const, stateCode: '403' }) },
  { weight: 3, arbitrary: fc.constant({ type: 'state-code' as const, stateCode: '429' }) },
  { weight: 2, arbitrary: fc.constant({ type: 'state-code' as const, stateCode: '402' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'state-code' as const, stateCode: '401' }) },
  { weight: 3, arbitrary: fc.constant({ type: 'state-code' as const, stateCode: '500' }) },
  {
    weight: 1,
    arbitrary: fc.constant({ type: 'state-code' as const, stateCode: '500', omitData: true }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'state-code' as const, stateCode: 'COM00101' }) },
  // The SMS left, then the provider's exception handler (or a gateway) answered an error.
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      { type: 'state-code' as const, stateCode: '500', afterProcessing: true },
      { type: 'state-code' as const, stateCode: 'COM00101', afterProcessing: true },
      { type: 'http-status' as const, status: 502, afterProcessing: true },
      { type: 'http-status' as const, status: 429, afterProcessing: true },
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(500, 502, 503)
      .map((status) => ({ type: 'http-status' as const, status })),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'reset' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'drop' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'truncate' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'non-json' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 2, max: 20 })
      .map((delayMs) => ({ type: 'latency' as const, delayMs })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'latency' as const, delayMs: PAST_TIMEOUT_MS }) },
);

/** Which calls a rule hits: every matching call, the nth, a country's submits, one number's submits. */
function matcher(recipients: readonly DrawnRecipient[]) {
  const wires = recipients.flatMap((r) => (r.wire ? [r] : []));
  // The mock refuses a country matcher for a country it has no channel for (China here).
  const routable = wires.filter((r) => r.code !== '86');
  const options: fc.Arbitrary<Partial<FaultRuleInput>>[] = [
    fc.constant({}),
    fc.integer({ min: 1, max: 4 }).map((nth) => ({ nth })),
  ];
  if (routable.length > 0) {
    options.push(
      fc.constantFrom(...routable).map((r) => ({ endpoint: 'submit' as const, country: r.code })),
    );
    options.push(
      fc
        .constantFrom(...routable)
        .map((r) => ({ endpoint: 'submit' as const, phone: r.wire as string })),
    );
  }
  return fc.oneof(...options);
}

/** One rule: a fault on `submit` (mostly) or `list`, for some calls, maybe chained to a second. */
function rule(recipients: readonly DrawnRecipient[], accounts: readonly string[]) {
  const link = fc
    .record({
      kind: faultKind,
      endpoint: fc.constantFrom<'submit' | 'list'>('submit', 'submit', 'submit', 'list'),
      match: matcher(recipients),
      times: fc.integer({ min: 1, max: 3 }),
      account: fc.option(fc.constantFrom(...accounts), { nil: undefined }),
    })
    .map(({ kind, endpoint, match, times, account }): FaultRuleInput => {
      const onSubmitOnly = 'country' in match || 'phone' in match;
      return {
        ...kind,
        endpoint: onSubmitOnly ? 'submit' : endpoint,
        ...match,
        ...('nth' in match ? {} : { times }),
        ...(account === undefined ? {} : { account }),
      };
    });
  const chained = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: link },
  );
  return fc
    .tuple(link, chained)
    .map(([first, then]) => (then === undefined ? first : { ...first, then }));
}

/** A scripted fault schedule for one scenario: 0–4 rules. */
export function faultScheduleArbitrary(
  recipients: readonly DrawnRecipient[],
  accounts: readonly string[],
): fc.Arbitrary<FaultRuleInput[]> {
  return fc.array(rule(recipients, accounts), { maxLength: 4 });
}
