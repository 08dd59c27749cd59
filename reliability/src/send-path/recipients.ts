import fc from 'fast-check';

/**
 * Number ranges of countries the mock has enabled channels for, and one it has none
 * for (China), as wire-form prefixes; a recipient is a prefix plus four digits. Suffixes
 * avoid the mock's magic endings 0001–0003 unless drawn on purpose.
 */
export const RANGES = [
  { prefix: '63917123', country: 'PH', code: '63' },
  { prefix: '44740012', country: 'GB', code: '44' },
  { prefix: '659123', country: 'SG', code: '65' },
  { prefix: '6012345', country: 'MY', code: '60' },
  { prefix: '91981234', country: 'IN', code: '91' },
  { prefix: '1202555', country: 'US', code: '1' },
  { prefix: '86138123', country: 'CN', code: '86' },
] as const;

/** A recipient as the caller writes it, with the wire number it stands for (when valid). */
export interface DrawnRecipient {
  readonly input: string;
  /** The wire number, or undefined for input that is not a number. */
  readonly wire: string | undefined;
  /** The calling code of `wire`. */
  readonly code: string;
  /** Its own text, when the scenario gives per-recipient texts. */
  readonly text: string | undefined;
}

/** Ways of writing the same wire number that every entry point must read as the same. */
export function spellings(wire: string, callingCode: string): string[] {
  const national = wire.slice(callingCode.length);
  return [
    `+${wire}`,
    `00${wire}`,
    `+${callingCode} ${national.slice(0, 3)} ${national.slice(3)}`,
    `(+${callingCode}) ${national.slice(0, 3)}-${national.slice(3)}`,
  ];
}

/** Texts: GSM-7, UCS-2, and one long enough for two segments. */
export const TEXTS = ['Your code is 4242', '你好 code 77', `${'Long reminder. '.repeat(12)}End`];

const invalidInput = fc.constantFrom('not-a-number', '+1', '', '12', '+63 12');

/**
 * 1–12 recipients from 1–5 countries: valid numbers, invalid input, and repeats of
 * earlier recipients in another spelling (the same text, so the same message).
 */
export function recipientsArbitrary(perRecipientTexts: boolean): fc.Arbitrary<DrawnRecipient[]> {
  const countries = fc.subarray([...RANGES], { minLength: 1, maxLength: 5 });
  return countries.chain((ranges) => {
    const fresh = fc
      .record({
        range: fc.constantFrom(...ranges),
        suffix: fc.oneof(
          { weight: 20, arbitrary: fc.integer({ min: 10, max: 9999 }) },
          { weight: 1, arbitrary: fc.constant(3) },
        ),
        spelling: fc.nat(3),
        text: fc.constantFrom(...TEXTS),
      })
      .map(({ range, suffix, spelling, text }) => {
        const wire = `${range.prefix}${String(suffix).padStart(4, '0')}`;
        const input = spellings(wire, range.code)[spelling] as string;
        return { input, wire, code: range.code, text: perRecipientTexts ? text : undefined };
      });
    const entry = fc.oneof(
      { weight: 8, arbitrary: fresh.map((r) => ({ kind: 'fresh' as const, r })) },
      {
        weight: 1,
        arbitrary: invalidInput.map((input) => ({
          kind: 'fresh' as const,
          r: { input, wire: undefined, code: '', text: perRecipientTexts ? TEXTS[0] : undefined },
        })),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('repeat' as const),
          of: fc.nat(),
          spelling: fc.nat(3),
        }),
      },
    );
    return fc.array(entry, { minLength: 1, maxLength: 12 }).map((entries) => {
      const out: DrawnRecipient[] = [];
      for (const entry of entries) {
        if (entry.kind === 'fresh') out.push(entry.r);
        else {
          const valid = out.filter((r) => r.wire !== undefined);
          const original = valid[entry.of % Math.max(1, valid.length)];
          if (!original?.wire) continue;
          const input = spellings(original.wire, original.code)[entry.spelling] as string;
          out.push({ ...original, input });
        }
      }
      return out.length > 0
        ? out
        : [{ input: '+639171230010', wire: '639171230010', code: '63', text: undefined }];
    });
  });
}
