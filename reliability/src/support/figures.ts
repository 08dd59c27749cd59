import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../../results.json', import.meta.url);

/** Records the figures of one promise in reliability/results.json, for RELIABILITY.md. */
export function recordFigures(promise: string, figures: Record<string, number | string>): void {
  const all = existsSync(FILE)
    ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>)
    : {};
  all[promise] = { ...figures, measuredAt: new Date().toISOString() };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
}
