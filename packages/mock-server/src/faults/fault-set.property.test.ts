import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultCall } from './fault-call.js';
import { type FaultRule, type FaultRuleInput, faultRuleSchema } from './fault-rule.js';
import { FaultSet } from './fault-set.js';

const link = fc.record({
  nth: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  times: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
});

/** A chain on `balance` whose link i answers stateCode `L<i>`. */
function chainRule(links: readonly { nth?: number; times?: number }[]): FaultRule {
  let rule: FaultRuleInput | undefined;
  for (let i = links.length - 1; i >= 0; i--) {
    const { nth, times } = links[i] ?? {};
    // Every link but the last needs nth or times to be used up; give it times 1 if it has neither.
    const sure = i < links.length - 1 && nth === undefined && times === undefined ? 1 : times;
    rule = {
      type: 'state-code',
      endpoint: 'balance',
      stateCode: `L${i}`,
      ...(nth === undefined ? {} : { nth }),
      ...(sure === undefined ? {} : { times: sure }),
      ...(rule ? { then: rule } : {}),
    };
  }
  return faultRuleSchema.parse(rule);
}

/**
 * The oracle, in closed form: counting matching calls from 1, link i answers the calls
 * `start + nth .. start + nth + times − 1`, and the next link starts after them.
 */
function expectedAnswers(links: readonly { nth?: number; times?: number }[], calls: number) {
  const answers = new Map<number, string>();
  let start = 0;
  links.forEach(({ nth, times }, i) => {
    const last = i === links.length - 1;
    const count = times ?? (nth !== undefined || !last ? 1 : Number.POSITIVE_INFINITY);
    const first = start + (nth ?? 1);
    for (let n = first; n < first + count && n <= calls; n++) answers.set(n, `L${i}`);
    start = first + count - 1;
  });
  return answers;
}

describe('fault schedules', () => {
  it('a chain answers exactly the calls its nth and times name; other endpoints are untouched', () => {
    fc.assert(
      fc.property(
        fc.array(link, { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (links, toBalance, laterNth) => {
          const faults = new FaultSet(() => 0.5);
          // A later rule on the same calls: it counts the calls the chain answers too, and
          // answers the first call from its nth on that the chain leaves alone.
          const later = faultRuleSchema.parse({
            type: 'state-code',
            endpoint: 'balance',
            stateCode: 'later',
            nth: laterNth,
          });
          faults.set([chainRule(links), later]);
          const expected = expectedAnswers(links, toBalance.length);
          let laterDue = laterNth;
          while (expected.has(laterDue)) laterDue++;
          let matching = 0;
          for (const balance of toBalance) {
            const endpoint = balance ? 'balance' : 'list';
            const { fault } = faults.decide(new FaultCall(endpoint, {}, new Map()));
            if (!balance) {
              expect(fault).toBeUndefined();
              continue;
            }
            matching++;
            const want = expected.get(matching) ?? (matching === laterDue ? 'later' : undefined);
            expect(fault?.stateCode).toBe(want);
          }
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
