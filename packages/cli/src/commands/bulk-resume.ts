import { constants } from 'node:fs';
import { access, open, readFile, realpath, rename, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readResumeToken } from '@intl-sms/core';
import { type CsvColumns, type CsvFingerprint, fingerprintOf } from '../csv-recipients.js';
import { UsageError } from '../exit-codes.js';
import type { IndexRange } from './bulk-output.js';

/** Where a `--resume` run starts from. */
export interface ResumePoint {
  /** The earlier run's resume token (what it accepted or may have sent). */
  readonly token: string;
  /** The first rows of the file as the earlier run read them, when its summary file says. */
  readonly fingerprint: CsvFingerprint | undefined;
  /** Rows in flight when the earlier run died (from a checkpoint: `state: "running"`). */
  readonly inFlight?: readonly IndexRange[] | undefined;
  /** What the earlier runs committed against `--max-cost` (the token carries it). */
  readonly committedCost?: string | undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `value` is a resume token: a base64 bitset of the rows done, then, when the
 * runs committed a cost (what counts against `--max-cost`), `~` and that cost — as
 * core's `readResumeToken` reads it.
 */
function isToken(value: string): boolean {
  const [bits = ''] = value.split('~');
  if (bits.length % 4 !== 0 || !BASE64.test(bits)) return false;
  try {
    readResumeToken(value);
    return true;
  } catch {
    return false;
  }
}

/** The cost a token says its runs committed, if any. */
function committedOf(token: string): { committedCost?: string } {
  const { committed } = readResumeToken(token);
  return committed.units === 0n ? {} : { committedCost: committed.toString() };
}

/**
 * Reads `--resume`: the path of a summary an earlier run wrote (`--summary-file`, the
 * file it saved on its own, or its `--json` output), or a bare resume token. A summary
 * with a fingerprint is checked against `file`: resuming a file whose first rows changed
 * would skip the wrong rows, so that is refused.
 */
export async function readResume(
  value: string,
  file: string,
  columns: CsvColumns,
): Promise<ResumePoint> {
  const info = await stat(value).catch(() => undefined);
  if (!info) {
    if (isToken(value)) {
      process.stderr.write(
        'Resuming from a bare token: the file cannot be checked against the earlier run, so it must be the same file with the same rows in the same order.\n',
      );
      return { token: value, fingerprint: undefined, ...committedOf(value) };
    }
    throw new UsageError(
      `--resume takes the summary file of an earlier run or its resume token; ${JSON.stringify(value.slice(0, 60))} is neither (no such file)`,
    );
  }
  const point = parseSummary(value, await readFile(value, 'utf8').catch(() => ''));
  if (point.inFlight) warnUnfinished(value, point.inFlight);
  if (point.fingerprint) {
    const now = await fingerprintOf(file, columns, point.fingerprint.rows);
    if (now?.sha256 !== point.fingerprint.sha256) {
      throw new UsageError(
        `${file} does not match the run recorded in ${value}: its first ${point.fingerprint.rows} row(s) differ (numbers changed, or rows added, removed or reordered). Resuming would skip the wrong rows: restore those rows, or start a new run without --resume`,
      );
    }
  }
  return point;
}

function parseSummary(path: string, text: string): ResumePoint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const summary = parsed as
    | {
        resumeToken?: unknown;
        source?: Record<string, unknown>;
        state?: unknown;
        inFlight?: unknown;
      }
    | undefined;
  if (typeof summary?.resumeToken !== 'string' || !isToken(summary.resumeToken)) {
    throw new UsageError(
      `--resume ${path}: not a summary of intl-sms send --file (no resumeToken); pass the file written with --summary-file, or the token itself`,
    );
  }
  const { rows, sha256 } = summary.source ?? {};
  const fingerprint =
    typeof rows === 'number' && Number.isInteger(rows) && rows >= 0 && typeof sha256 === 'string'
      ? { rows, sha256 }
      : undefined;
  const committed = committedOf(summary.resumeToken);
  if (summary.state !== 'running') return { token: summary.resumeToken, fingerprint, ...committed };
  const ranges = Array.isArray(summary.inFlight) ? summary.inFlight : [];
  const inFlight = ranges.filter((r) => Number.isInteger(r?.from) && Number.isInteger(r?.to));
  return { token: summary.resumeToken, fingerprint, inFlight, ...committed };
}

/**
 * Says, before going on from a checkpoint, that its run never ended: its rows in flight
 * are skipped (they may have been sent) and need checking by hand.
 */
function warnUnfinished(path: string, inFlight: readonly IndexRange[]): void {
  const count = inFlight.reduce((sum, r) => sum + r.to - r.from + 1, 0);
  const shown = inFlight
    .slice(0, 5)
    .map((r) => (r.from === r.to ? `${r.from + 1}` : `${r.from + 1}–${r.to + 1}`));
  const rows = `rows ${shown.join(', ')}${inFlight.length > shown.length ? ', …' : ''}`;
  process.stderr.write(
    `${path} is the checkpoint of a run that did not end (it was killed, or is still running: then stop here). Rows it sent or had in flight are skipped, never sent again; ${count} row(s) were in flight${count > 0 ? ` (${rows})` : ''} and may or may not have been sent: check them before sending them again.\n`,
  );
}

/**
 * Refuses, before anything is sent, a summary path that cannot be written, or that is
 * the recipients file itself (writing the summary would destroy the list).
 */
export async function checkSummaryPath(path: string, recipientsFile: string): Promise<void> {
  const same = await Promise.all([realpath(path), realpath(recipientsFile)]).then(
    ([a, b]) => a === b,
    () => resolve(path) === resolve(recipientsFile),
  );
  if (same)
    throw new UsageError(
      `--summary-file ${path} is the --file being sent: the summary would overwrite the recipients`,
    );
  const info = await stat(path).catch(() => undefined);
  const writable = await access(info ? path : dirname(resolve(path)), constants.W_OK).then(
    () => !info || info.isFile(),
    () => false,
  );
  if (!writable) throw new UsageError(`--summary-file ${path}: cannot write a file there`);
}

/**
 * Writes a summary whole or not at all, and durably: a temporary file, flushed to disk,
 * renamed into place, the directory flushed too — so after a crash or a power loss the
 * path holds this summary or the one before, never a torn or empty file.
 */
export async function writeSummary(path: string, summary: unknown): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(`${JSON.stringify(summary, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  // The rename itself is durable once the directory is flushed (not possible everywhere).
  const directory = await open(dirname(resolve(path)), 'r').catch(() => undefined);
  await directory
    ?.sync()
    .catch(() => undefined)
    .finally(() => directory.close());
}

/** The name of the summary saved when a run that needs resuming had no `--summary-file`. */
export function defaultSummaryPath(now = new Date()): string {
  return `intl-sms-summary-${now.toISOString().replace(/[:.]/g, '-')}.json`;
}
