import fc from 'fast-check';
import { type DrawnRecipient, RANGES, recipientsArbitrary } from '../send-path/recipients.js';
import { priceArbitrary } from './cost-prices.js';
import { type DrawnText, textArbitrary } from './cost-texts.js';

/** The account every cost scenario sends from. */
export const COST_ACCOUNT = { account: 'cost-a', password: 'pw-cost-a' } as const;

/** The countries of {@link RANGES} the mock has channels for (China has none: its numbers are rejected). */
export const PRICED_COUNTRIES: readonly string[] = RANGES.filter((r) => r.country !== 'CN').map(
  (r) => r.code,
);

/** One `transport.send` of a cost scenario. */
export interface CostSend {
  readonly recipients: readonly DrawnRecipient[];
  readonly text: DrawnText;
  readonly smartEncoding: boolean;
}

/** A drawn cost scenario: a price for each channel, a balance, and one to three sends. */
export interface CostScenario {
  /** Channel id → price, for every channel of {@link PRICED_COUNTRIES}. */
  readonly prices: ReadonlyMap<string, string>;
  /** Plenty, or so little that some submits are refused with 402 (nothing charged). */
  readonly balance: string;
  readonly sends: readonly CostSend[];
}

/** Balances: mostly plenty; sometimes too little for every batch. */
export const balanceArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  '1000.0000',
  '1000.0000',
  '1000.0000',
  '0.2500',
);

/** One send: recipients over several countries (with repeats and invalid input), a text, smart encoding on or off. */
export const costSendArbitrary: fc.Arbitrary<CostSend> = fc.record({
  recipients: recipientsArbitrary(false),
  text: textArbitrary,
  smartEncoding: fc.boolean(),
});

/** Draws a scenario over the given channel ids (those of {@link PRICED_COUNTRIES}). */
export function costScenarioArbitrary(channelIds: readonly string[]): fc.Arbitrary<CostScenario> {
  return fc.record({
    prices: fc
      .array(priceArbitrary, { minLength: channelIds.length, maxLength: channelIds.length })
      .map((prices) => new Map(channelIds.map((id, i) => [id, prices[i] as string]))),
    balance: balanceArbitrary,
    sends: fc.array(costSendArbitrary, { minLength: 1, maxLength: 3 }),
  });
}
