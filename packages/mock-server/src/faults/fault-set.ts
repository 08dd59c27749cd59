import { type FaultCall, matchesCall } from './fault-call.js';
import type { FaultRule } from './fault-rule.js';

/** The faults that apply to one request. */
export interface FaultDecision {
  /** Total added latency in milliseconds. */
  readonly delayMs: number;
  /** The one non-latency fault to apply, if any. */
  readonly fault: FaultRule | undefined;
}

/** An active rule as `GET /__mock/faults` lists it: the active link of its chain, with its counters. */
export type ListedFaultRule = FaultRule & {
  /** Calls this link's matchers matched since it became active, answered by it or not. */
  readonly matched: number;
  /** Applications left before the link is used up; `null` when it is never used up. */
  readonly remaining: number | null;
};

/** The active link of a rule's chain and its counters. */
interface ActiveRule {
  readonly rule: FaultRule;
  /** How many applications use the link up. */
  readonly times: number;
  matched: number;
  applied: number;
  windowStart: number;
  windowCount: number;
}

function activate(rule: FaultRule): ActiveRule {
  const times = rule.times ?? (rule.nth === undefined ? Number.POSITIVE_INFINITY : 1);
  return { rule, times, matched: 0, applied: 0, windowStart: 0, windowCount: 0 };
}

/**
 * The active fault rules, consulted once per request in order. For each rule whose
 * matchers match, `matched` goes up (whatever other rules do with the call); from the
 * `nth` matching call on the rule is due. A due latency rule always applies; a due
 * answering rule applies unless an earlier rule already answers the call (then it stays
 * due for its next matching call); probability is drawn only then. A link that reached
 * its `times` is replaced by its `then` (fresh counters, from the next call on) or removed.
 */
export class FaultSet {
  #rules: ActiveRule[] = [];
  readonly #random: () => number;
  readonly #now: () => number;

  /** `random` draws probabilities and latencies (seeded); `now` times rate-limit windows. */
  constructor(random: () => number, now: () => number = Date.now) {
    this.#random = random;
    this.#now = now;
  }

  /** Whether any rule is active (without one, no call needs to be read for faults). */
  get active(): boolean {
    return this.#rules.length > 0;
  }

  /** Replaces all rules; counters start at zero. */
  set(rules: readonly FaultRule[]): void {
    this.#rules = rules.map(activate);
  }

  /** The rules still active: the active link of each chain, with `matched` and `remaining`. */
  list(): ListedFaultRule[] {
    return this.#rules.map((active) => ({
      ...active.rule,
      matched: active.matched,
      remaining: Number.isFinite(active.times) ? active.times - active.applied : null,
    }));
  }

  /** Decides the faults for one call, counting matches and consuming `times` and rate windows. */
  decide(call: FaultCall): FaultDecision {
    let delayMs = 0;
    let fault: FaultRule | undefined;
    const next: ActiveRule[] = [];
    for (const active of this.#rules) {
      next.push(active);
      const { rule } = active;
      if (!matchesCall(rule, call)) continue;
      active.matched++;
      if (active.matched < (rule.nth ?? 1) || !this.#applies(active, fault !== undefined)) continue;
      active.applied++;
      if (rule.type === 'latency') delayMs += this.#latency(rule);
      else fault = rule;
      if (active.applied >= active.times) {
        next.pop();
        if (rule.then) next.push(activate(rule.then));
      }
    }
    this.#rules = next;
    return { delayMs, fault };
  }

  /** Whether a due rule applies to this call; `answered` when an earlier rule answers it. */
  #applies(active: ActiveRule, answered: boolean): boolean {
    const { rule } = active;
    // A rate limiter sees every call that reaches it, even one another rule answers.
    if (rule.type === 'rate-limit') return this.#overLimit(active) && !answered;
    if (rule.type !== 'latency' && answered) return false;
    return rule.probability === undefined || this.#random() < rule.probability;
  }

  #overLimit(active: ActiveRule): boolean {
    const now = this.#now();
    if (now - active.windowStart >= 1000) {
      active.windowStart = now;
      active.windowCount = 0;
    }
    active.windowCount++;
    return active.windowCount > (active.rule.limit ?? 0);
  }

  #latency(rule: FaultRule): number {
    const min = rule.delayMs ?? 0;
    const max = Math.max(min, rule.delayMaxMs ?? min);
    return Math.round(min + this.#random() * (max - min));
  }
}
