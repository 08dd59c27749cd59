import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentBatches } from './recent-batches.js';

/** The model: batches in the order added, the oldest dropped while over the bound (never the newest). */
function modelAfter(adds: readonly [string, string[]][], max: number): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const [id, phones] of adds) {
    byId.delete(id);
    byId.set(id, phones);
    let total = [...byId.values()].reduce((sum, list) => sum + list.length, 0);
    for (const [oldId, old] of byId) {
      if (total <= max || oldId === id) break;
      byId.delete(oldId);
      total -= old.length;
    }
  }
  return byId;
}

describe('RecentBatches', () => {
  it('gives back each remembered batch as added, and forgets the oldest beyond the bound', () => {
    // Mostly wire numbers; now and then a number that is not one (kept as text instead).
    const wire = fc.oneof(
      { weight: 9, arbitrary: fc.stringMatching(/^[1-9]\d{6,14}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^(0\d{1,14}|\d{16,18}|\d+x\d*)$/) },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
            // Both sides of the 64 numbers from which a batch is kept as values.
            fc.array(wire, { maxLength: 150 }),
          ),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 0, max: 400 }),
        (adds, max) => {
          const recent = new RecentBatches(max);
          for (const [id, phones] of adds) recent.add(id, phones);
          const model = modelAfter(adds, max);
          for (const id of ['a', 'b', 'c', 'd', 'e', 'f'])
            expect(recent.get(id)).toEqual(model.get(id));
        },
      ),
    );
  });

  it('keeps the last 100,000 numbers of a million sent in batches of 10,000', () => {
    const recent = new RecentBatches(100_000);
    const phones = Array.from({ length: 10_000 }, (_, i) => String(639170000000 + i));
    for (let batch = 0; batch < 100; batch++) recent.add(`batch-${batch}`, phones);
    expect(recent.get('batch-89')).toBeUndefined();
    expect(recent.get('batch-90')).toEqual(phones);
    expect(recent.get('batch-99')?.length).toBe(10_000);
  });
});
