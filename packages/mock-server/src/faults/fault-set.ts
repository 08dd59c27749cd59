import type { Endpoint, FaultRule } from './fault-rule.js';

/** The faults that apply to one request. */
export interface FaultDecision {
  /** Total added latency in milliseconds. */
  readonly delayMs: number;
  /** The one non-latency fault to apply, if any. */
  readonly fault: FaultRule | undefined;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
  windowStart: number;
  windowCount: number;
}

/** The active fault rules, consulted once per request in order. */
export class FaultSet {
  #rules: ActiveRule[] = [];
  readonly #random: () => number;

  constructor(random: () => number) {
    this.#random = random;
  }

  /** Replaces all rules. */
  set(rules: readonly FaultRule[]): void {
    this.#rules = rules.map((rule) => ({
      rule,
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
      windowStart: 0,
      windowCount: 0,
    }));
  }

  /** The rules still active (rules with `times` disappear once used up). */
  list(): FaultRule[] {
    return this.#rules.filter((active) => active.remaining > 0).map((active) => active.rule);
  }

  /** Decides the faults for a request to `endpoint` by `account`, consuming `times` and rate windows. */
  decide(endpoint: Endpoint, account: string | undefined): FaultDecision {
    let delayMs = 0;
    let fault: FaultRule | undefined;
    for (const active of this.#rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.endpoint !== '*' && rule.endpoint !== endpoint) continue;
      if (rule.account !== undefined && rule.account !== account) continue;
      if (rule.type === 'rate-limit') {
        if (fault === undefined && this.#overLimit(active)) fault = rule;
        continue;
      }
      if (rule.type !== 'latency' && fault !== undefined) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      active.remaining--;
      if (rule.type === 'latency') delayMs += this.#latency(rule);
      else fault = rule;
    }
    return { delayMs, fault };
  }

  #overLimit(active: ActiveRule): boolean {
    const now = Date.now();
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
