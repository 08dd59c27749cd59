import { createHash } from 'node:crypto';

/**
 * How a chunk's numbers and recipient positions are stored. Memory is the point: a
 * campaign of millions keeps every number in Redis until it is sent. Numbers are wire
 * digits joined by commas (13 bytes for a 12-digit number, where JSON took 15); positions
 * are runs of an arithmetic progression, `start+step*count`, so the positions of a
 * one-country list (`0+1*10000`) or of five interleaved countries (`3+5*10000`) take a few
 * bytes instead of 50 KB. Records written as JSON arrays by earlier versions still read.
 */
export function encodePhones(phones: readonly string[]): string {
  return phones.join(',');
}

/** The numbers of {@link encodePhones}' output (or of a JSON array). */
export function decodePhones(stored: string | null | undefined): string[] {
  if (!stored) return [];
  if (stored.startsWith('[')) return JSON.parse(stored) as string[];
  return stored.split(',');
}

/** Positions as runs: `start+step*count` for three or more evenly spaced, else the number. */
export function encodeIndices(indices: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < indices.length) {
    const start = indices[i] as number;
    const step = (indices[i + 1] ?? start) - start;
    let count = 1;
    while (i + count < indices.length && (indices[i + count] as number) - start === step * count)
      count++;
    if (count >= 3 && step > 0) {
      parts.push(`${start}+${step}*${count}`);
      i += count;
    } else {
      parts.push(String(start));
      i++;
    }
  }
  return parts.join(',');
}

const RUN = /^(\d+)\+(\d+)\*(\d+)$/;

/** The positions of {@link encodeIndices}' output (or of a JSON array). */
export function decodeIndices(stored: string | null | undefined): number[] {
  if (!stored) return [];
  if (stored.startsWith('[')) return JSON.parse(stored) as number[];
  const out: number[] = [];
  for (const part of stored.split(',')) {
    const run = RUN.exec(part);
    if (!run) {
      out.push(Number(part));
      continue;
    }
    const [start, step, count] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let k = 0; k < count; k++) out.push(start + step * k);
  }
  return out;
}

/**
 * A short digest of what a chunk holds (text, channel, numbers, positions): a resumed
 * enqueue recreates its chunks and compares digests, so a chunk that comes out different
 * (other recipients, or in another order) is refused instead of being skipped in silence.
 */
export function chunkDigest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 24);
}
