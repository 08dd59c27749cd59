import type { MockChannel } from '../state/channels.js';
import { splitPhones } from '../wire/phones.js';
import type { Endpoint, FaultRule } from './fault-rule.js';

const CHANNEL_DIGITS = /^\d{1,19}$/;

function field(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

/**
 * One call to a sjroom endpoint as the fault rules see it: read from the raw body before
 * validation, so a rule applies whether or not the body is valid. Reading never throws:
 * a field that is missing or of the wrong type simply matches no rule that asks for it.
 * The channel and the numbers are read at most once, and only if a rule asks.
 */
export class FaultCall {
  /** The endpoint called. */
  readonly endpoint: Endpoint;
  /** The body's `account`, if it is a string. */
  readonly account: string | undefined;
  readonly #body: unknown;
  readonly #channels: ReadonlyMap<string, MockChannel>;
  #phones: ReadonlySet<string> | undefined;

  constructor(endpoint: Endpoint, body: unknown, channels: ReadonlyMap<string, MockChannel>) {
    this.endpoint = endpoint;
    this.#body = body;
    this.#channels = channels;
    const account = field(body, 'account');
    this.account = typeof account === 'string' ? account : undefined;
  }

  /**
   * The submit's `goodsSupplySmsConfigId` as the submit route reads it (a safe integer or
   * a digit string, taken as written), or undefined.
   */
  get channelId(): string | undefined {
    if (this.endpoint !== 'submit') return undefined;
    const id = field(this.#body, 'goodsSupplySmsConfigId');
    if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? String(id) : undefined;
    return typeof id === 'string' && CHANNEL_DIGITS.test(id) ? id : undefined;
  }

  /** The mock's channel the submit names, if it exists. */
  get channel(): MockChannel | undefined {
    const id = this.channelId;
    return id === undefined ? undefined : this.#channels.get(id);
  }

  /** The submit's numbers, split as the submit route splits them (a leading `+` dropped). */
  get phones(): ReadonlySet<string> {
    if (this.#phones) return this.#phones;
    const phone = field(this.#body, 'phone');
    this.#phones = new Set(
      this.endpoint === 'submit' && typeof phone === 'string' ? splitPhones(phone) : [],
    );
    return this.#phones;
  }
}

/** True when every matcher the rule gives matches the call. */
export function matchesCall(rule: FaultRule, call: FaultCall): boolean {
  if (rule.endpoint !== '*' && rule.endpoint !== call.endpoint) return false;
  if (rule.account !== undefined && rule.account !== call.account) return false;
  if (rule.channelId !== undefined && rule.channelId !== call.channelId) return false;
  if (rule.country !== undefined) {
    const channel = call.channel;
    if (!channel || (channel.countryCode !== rule.country && channel.iso !== rule.country))
      return false;
  }
  return rule.phone === undefined || call.phones.has(rule.phone);
}
