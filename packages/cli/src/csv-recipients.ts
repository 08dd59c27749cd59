import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { BulkRecipient } from '@intl-sms/core';
import { type Options, parse } from 'csv-parse';
import { CsvInputError } from './csv-input-error.js';
import { UsageError } from './exit-codes.js';

/** Which CSV columns hold the number and, optionally, a per-recipient text. */
export interface CsvColumns {
  readonly phone: string;
  readonly text?: string;
}

/** The first `rows` rows of a file, as a SHA-256 of their numbers: what a resume checks. */
export interface CsvFingerprint {
  readonly rows: number;
  readonly sha256: string;
}

/**
 * The longest row read, in bytes. Without a bound, an unclosed quote makes the parser
 * buffer the rest of the file as one field; with it, the run stops at that row with an
 * error naming it. A row holds a number, a text and a few other columns: 64 KiB is
 * hundreds of times what an SMS can carry.
 */
export const MAX_RECORD_BYTES = 64 * 1024;

const PARSE_OPTIONS = {
  skip_empty_lines: true,
  trim: true,
  bom: true,
  max_record_size: MAX_RECORD_BYTES,
} satisfies Options;

/** Marks, in the parser's output, where a malformed record was. */
const BAD_RECORD = Symbol('bad CSV record');
type Parsed =
  | { readonly record: Record<string, string>; readonly info: { readonly lines: number } }
  | { readonly [BAD_RECORD]: Error };

/**
 * The recipients of a CSV file with a header row, streamed one row at a time (the file
 * is never held in memory). `checkHeader` finds a missing file or column before anything
 * is sent. A malformed row ends the iteration with a {@link CsvInputError} naming the
 * file, line and row — after every row before it was yielded, so the rows read are
 * exactly the rows before the bad one and a resume after the fix lines up.
 */
export class CsvRecipients implements AsyncIterable<BulkRecipient> {
  readonly #path: string;
  readonly #columns: CsvColumns;
  /** Hash of every yielded row but the last one, which is kept in #lastRow. */
  readonly #hash: Hash = createHash('sha256');
  #lastRow: string | undefined;
  #yielded = 0;

  constructor(path: string, columns: CsvColumns) {
    this.#path = path;
    this.#columns = columns;
  }

  /** Throws a usage error when the file cannot be read or lacks a column. */
  async checkHeader(): Promise<void> {
    const path = this.#path;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`Cannot read ${path}: not a file`);
    const file = createReadStream(path);
    const parser = file.pipe(parse({ ...PARSE_OPTIONS, to_line: 1 }));
    file.once('error', (error) => parser.destroy(error));
    let header: string[] | undefined;
    try {
      for await (const record of parser as AsyncIterable<string[]>) header ??= record;
    } catch (error) {
      throw this.#inputError(error, 0);
    } finally {
      file.destroy();
    }
    if (!header) throw new UsageError(`${path} is empty: it needs a header row naming its columns`);
    for (const column of [this.#columns.phone, this.#columns.text]) {
      if (column !== undefined && !header.includes(column)) {
        const flag = column === this.#columns.phone ? '--column' : '--text-column';
        throw new UsageError(
          `${path} has no column "${column}" (columns: ${header.join(', ')}); name it with ${flag}`,
        );
      }
    }
  }

  /**
   * The fingerprint of the first `rows` rows yielded, when `rows` is the number yielded
   * or one less (a consumer that stops may or may not count the row it last received).
   */
  fingerprint(rows: number): CsvFingerprint | undefined {
    const hash = this.#hash.copy();
    if (rows === this.#yielded) {
      if (this.#lastRow !== undefined) hash.update(this.#lastRow);
    } else if (rows !== this.#yielded - 1) return undefined;
    return { rows, sha256: hash.digest('hex') };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<BulkRecipient> {
    const file = createReadStream(this.#path);
    // A malformed record is not allowed to destroy the stream at once: that would drop the
    // good records already parsed before it. It is queued in its place instead.
    const parser: ReturnType<typeof parse> = file.pipe(
      parse({
        ...PARSE_OPTIONS,
        columns: true,
        info: true,
        skip_records_with_error: true,
        on_skip: (error) => {
          parser.push({ [BAD_RECORD]: error ?? new Error('malformed record') });
        },
      }),
    );
    file.once('error', (error) => parser.destroy(error));
    const { phone, text: textColumn } = this.#columns;
    let lastLine = 1;
    try {
      for await (const parsed of parser as AsyncIterable<Parsed>) {
        if (BAD_RECORD in parsed) {
          // The parser names the line where it gave up (the end of the file for an
          // unclosed quote); the bad row starts right after the last good one.
          throw this.#inputError(parsed[BAD_RECORD], this.#yielded + 1, lastLine + 1);
        }
        const { record, info } = parsed;
        lastLine = info.lines;
        const to = record[phone] ?? '';
        const text = textColumn ? record[textColumn] : undefined;
        if (this.#lastRow !== undefined) this.#hash.update(this.#lastRow);
        this.#lastRow = `${to}\n`;
        this.#yielded++;
        yield text ? { to, text } : to;
      }
    } catch (error) {
      throw error instanceof CsvInputError ? error : this.#inputError(error, this.#yielded + 1);
    } finally {
      parser.destroy();
      file.destroy();
    }
  }

  #inputError(error: unknown, row: number, line?: number): CsvInputError {
    const parsed = error as { lines?: unknown; message?: unknown; code?: unknown };
    line ??= typeof parsed.lines === 'number' && parsed.lines > 0 ? parsed.lines : undefined;
    const reason =
      parsed.code === 'CSV_MAX_RECORD_SIZE'
        ? `a row is longer than ${MAX_RECORD_BYTES} bytes (is a quote left open?)`
        : typeof parsed.message === 'string'
          ? parsed.message
          : String(error);
    // A read error (EIO, the file removed under us) has no line; a parse error has both.
    const isParseError = typeof parsed.code === 'string' && parsed.code.startsWith('CSV_');
    return new CsvInputError(
      this.#path,
      isParseError ? { line, row: row > 0 ? row : undefined } : {},
      isParseError ? reason : `cannot read: ${reason}`,
      error,
    );
  }
}

/** The fingerprint of the first `rows` rows of a file, read afresh (to check a resume). */
export async function fingerprintOf(
  path: string,
  columns: CsvColumns,
  rows: number,
): Promise<CsvFingerprint | undefined> {
  const source = new CsvRecipients(path, columns);
  let read = 0;
  if (rows > 0) {
    for await (const _ of source) if (++read === rows) break;
  }
  return read === rows ? source.fingerprint(rows) : undefined;
}
