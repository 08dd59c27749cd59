import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gsmLookalike, lookalikeEntries, ucs2Report } from './lookalikes.js';

// The client's table and smart encoding, read from its sources for this test only: the
// mock has no dependency on @intl-sms/core (it is the oracle), and core's tests depend on
// the mock, so a package dependency would be a cycle. A path in a variable keeps the
// type checker from following it.
const CORE_TEXT = fileURLToPath(new URL('../../../core/src/text/', import.meta.url));
type CoreTable = {
  LOOKALIKE_BY_CODE_POINT: ReadonlyMap<number, string>;
  fullWidthLookalike(codePoint: number): string | undefined;
};
type CoreSmart = { smartEncode(text: string): { text: string; applied: boolean } };
const core = async () => ({
  table: (await import(/* @vite-ignore */ `${CORE_TEXT}gsm-lookalikes.ts`)) as CoreTable,
  smart: (await import(/* @vite-ignore */ `${CORE_TEXT}smart-encoding.ts`)) as CoreSmart,
});

describe("the mock's GSM-7 look-alikes", () => {
  it("agree with the client's table, entry for entry", async () => {
    const { table } = await core();
    const theirs = new Map(table.LOOKALIKE_BY_CODE_POINT);
    for (let cp = 0xff01; cp <= 0xff5e; cp++)
      theirs.set(cp, table.fullWidthLookalike(cp) as string);
    const ours = lookalikeEntries();
    expect([...ours.keys()].sort((a, b) => a - b)).toEqual(
      [...theirs.keys()].sort((a, b) => a - b),
    );
    for (const [cp, replacement] of ours) expect([cp, replacement]).toEqual([cp, theirs.get(cp)]);
  });

  it('replace only typography: currency signs, letters and emoji have none', () => {
    expect(gsmLookalike('\u2019')).toBe("'");
    expect(gsmLookalike('\uff21')).toBe('A');
    for (const kept of ['₹', '©', '→', '你', '😀', 'й']) expect(gsmLookalike(kept)).toBeUndefined();
  });

  it('name the characters that forced UCS-2, and what smart encoding would send', () => {
    expect(ucs2Report('plain GSM-7 € text')).toBeUndefined();
    expect(ucs2Report('It\u2019s 3\u00bd \u2014 ok')).toEqual({
      forcedBy: ['\u2019', '\u00bd', '\u2014'],
      noLookalike: [],
      smartEncoding: { text: "It's 3 1/2 - ok", segments: 1, wouldSend: true },
    });
    expect(ucs2Report('\u201cHi\u201d 你好')).toEqual({
      forcedBy: ['\u201c', '\u201d', '你', '好'],
      noLookalike: ['你', '好'],
    });
    // 70 ellipses: 1 UCS-2 segment, 210 septets as GSM-7 (2 segments): kept UCS-2.
    expect(ucs2Report('\u2026'.repeat(70))?.smartEncoding).toMatchObject({
      segments: 2,
      wouldSend: false,
    });
  });

  it("decides as the client's smartEncode does, over random texts", async () => {
    const { smart } = await core();
    const piece = fc.constantFrom(
      ...('ab 7.€{\u2019\u201c\u2014\u2026\u00a0\u00bd\ufb01\uff21\u200b\u3000你😀'.match(
        /./gsu,
      ) as string[]),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 200 }).map((p) => p.join('')),
        (text) => {
          const client = smart.smartEncode(text);
          const report = ucs2Report(text);
          const sends = report?.smartEncoding?.wouldSend === true;
          expect(sends).toBe(client.applied);
          if (sends) expect(report?.smartEncoding?.text).toBe(client.text);
        },
      ),
      { seed: 20_261_222, numRuns: 2_000 },
    );
  });
});
