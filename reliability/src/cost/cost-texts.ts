import fc from 'fast-check';

/**
 * Pieces a text is made of, by what they do to its encoding: GSM-7 basic characters,
 * extension characters (two septets each), UCS-2 characters with no GSM-7 look-alike,
 * astral characters (surrogate pairs, two UTF-16 units), and typography that smart
 * encoding replaces (curly quotes, dashes, ellipsis, Unicode spaces, bullets, fractions,
 * ligatures, full-width ASCII, invisible characters).
 */
export const PIECES = {
  gsm: ['a', 'Z', '7', ' ', '.', '@', 'é', 'Ø', '\n', 'Δ', '¿', '£', '$', '¥'],
  extension: ['€', '{', '}', '[', ']', '~', '\\', '|', '^'],
  ucs2: ['你', 'й', 'ğ', '₹', '©', '→', 'ş'],
  astral: ['😀', '👍🏽', '𝄞', '🇵🇭'],
  lookalike: [
    '\u2019',
    '\u2018',
    '\u201c',
    '\u201d',
    '\u2014',
    '\u2013',
    '\u2026',
    '\u00a0',
    '\u2009',
    '\u2022',
    '\u00bd',
    '\ufb01',
    '\uff21',
    '\u200b',
    '\u00ab',
  ],
} as const;

/**
 * Lengths just around the segment limits: one part (GSM-7 160, UCS-2 70) and several
 * (153 and 67 per part), where one more character, or an extension character or a
 * surrogate pair straddling the boundary, adds a segment.
 */
const BOUNDARIES = [67, 70, 134, 153, 160, 201, 306, 459] as const;

/** A GSM-7 sentence that fillers are cut from. */
const FILLER = 'Your order 4242 ships today. Reply STOP to opt out. ';

/** What a drawn text is made of (kept for the failure message). */
export interface DrawnText {
  readonly text: string;
  /** The kinds of piece inserted, in order. */
  readonly kinds: readonly (keyof typeof PIECES)[];
}

const piece = fc.oneof(
  ...(Object.keys(PIECES) as (keyof typeof PIECES)[]).map((kind) => ({
    weight: kind === 'lookalike' ? 4 : kind === 'gsm' ? 1 : 2,
    arbitrary: fc.constantFrom(...PIECES[kind]).map((text) => ({ kind, text })),
  })),
);

/**
 * A text: a GSM-7 filler of a length near a segment limit (or any length up to 480),
 * with 0–6 pieces inserted anywhere — at the end of the filler, they straddle the
 * boundary. Always starts with a visible character, so it is never blank.
 */
export const textArbitrary: fc.Arbitrary<DrawnText> = fc
  .record({
    length: fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...BOUNDARIES)
          .chain((b) => fc.integer({ min: b - 3, max: b + 2 })),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 480 }) },
    ),
    inserts: fc.array(fc.record({ at: fc.nat(), piece, repeat: fc.integer({ min: 1, max: 3 }) }), {
      maxLength: 6,
    }),
    tailInsert: fc.boolean(),
  })
  .map(({ length, inserts, tailInsert }) => {
    let text = `O${FILLER.repeat(Math.ceil(length / FILLER.length) + 1).slice(0, length)}`;
    const kinds: (keyof typeof PIECES)[] = [];
    inserts.forEach(({ at, piece, repeat }, i) => {
      const chars = [...text];
      const position = tailInsert && i === 0 ? chars.length : 1 + (at % chars.length);
      chars.splice(position, 0, piece.text.repeat(repeat));
      text = chars.join('');
      kinds.push(piece.kind);
    });
    return { text, kinds };
  });
