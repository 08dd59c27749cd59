/** min / median / max of samples, rounded. */
export function stats(samples, digits = 1) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    min: round(sorted[0]),
    median: round(sorted[Math.floor(sorted.length / 2)]),
    max: round(sorted.at(-1)),
    runs: samples.length,
  };
}

/** Rounds a ratio to two decimals. */
export const ratio = (a, b) => Math.round((a / b) * 100) / 100;
