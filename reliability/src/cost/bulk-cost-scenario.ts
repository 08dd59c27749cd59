import fc from 'fast-check';
import { type DrawnRecipient, recipientsArbitrary } from '../send-path/recipients.js';
import { decimalText, priceArbitrary } from './cost-prices.js';
import { type DrawnText, textArbitrary } from './cost-texts.js';

/** A `sendBulk` cost scenario: prices, recipients, sizes, a cap and the raises of its resumes. */
export interface BulkCostScenario {
  /** Channel id → price. */
  readonly prices: ReadonlyMap<string, string>;
  readonly recipients: readonly DrawnRecipient[];
  readonly text: DrawnText;
  readonly smartEncoding: boolean;
  readonly chunkSize: number;
  readonly concurrency: number;
  /** The first run's `maxCost` (undefined: no cap, one run). */
  readonly maxCost: string | undefined;
  /** What each resume adds to the cap; after these, a resume with a cap that holds everything. */
  readonly raises: readonly string[];
}

const SAFE_RECIPIENT: DrawnRecipient = {
  input: '+639171230010',
  wire: '639171230010',
  code: '63',
  text: undefined,
};

/** A cap from 0 to 3 with 0–8 decimals: around what 1–12 recipients cost at the drawn prices. */
const capArbitrary = fc
  .integer({ min: 0, max: 8 })
  .chain((decimals) =>
    fc.integer({ min: 0, max: 3 * 10 ** decimals }).map((units) => decimalText(units, decimals)),
  );

/** Draws a bulk cost scenario over the given channel ids. */
export function bulkCostScenarioArbitrary(
  channelIds: readonly string[],
): fc.Arbitrary<BulkCostScenario> {
  return fc.record({
    prices: fc
      .array(priceArbitrary, { minLength: channelIds.length, maxLength: channelIds.length })
      .map((prices) => new Map(channelIds.map((id, i) => [id, prices[i] as string]))),
    // Without the mock's magic `…0003`, which refuses its whole chunk: then what a budget
    // recipient becomes on resume depends on its chunk-mates (the send-path property has it).
    recipients: recipientsArbitrary(false).map((drawn) => {
      const kept = drawn.filter((r) => !r.wire?.endsWith('0003'));
      return kept.length > 0 ? kept : [{ ...SAFE_RECIPIENT }];
    }),
    text: textArbitrary,
    smartEncoding: fc.boolean(),
    chunkSize: fc.integer({ min: 1, max: 5 }),
    concurrency: fc.integer({ min: 1, max: 3 }),
    maxCost: fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: capArbitrary },
    ),
    raises: fc.array(capArbitrary, { maxLength: 2 }),
  });
}
