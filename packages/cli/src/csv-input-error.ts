/**
 * The CSV file given to `send --file` is malformed at a row (an unclosed quote, a row
 * with more or fewer fields than the header) or could not be read to its end. Rows
 * before it may have been sent: exit code 65, and the summary says what was sent.
 */
export class CsvInputError extends Error {
  override readonly name = 'CsvInputError';
  /** Stable identifier in `--json` output. */
  readonly code = 'CSV_INVALID';
  /** The file as given on the command line. */
  readonly file: string;
  /** The line of the file where the parser stopped, when known (1 is the header). */
  readonly line: number | undefined;
  /** The data row (1 is the first row after the header) that could not be read, when known. */
  readonly row: number | undefined;
  /** What is wrong, in the parser's words. */
  readonly reason: string;

  constructor(
    file: string,
    where: { line?: number | undefined; row?: number | undefined },
    reason: string,
    cause?: unknown,
  ) {
    const at = [
      where.line === undefined ? '' : ` line ${where.line}`,
      where.row === undefined ? '' : ` (row ${where.row})`,
    ].join('');
    super(`${file}${at}: ${reason}`, cause === undefined ? undefined : { cause });
    this.file = file;
    this.line = where.line;
    this.row = where.row;
    this.reason = reason;
  }

  /** Where the error is, as the `--json` error document gives it. */
  where(): { file: string; line: number | null; row: number | null } {
    return { file: this.file, line: this.line ?? null, row: this.row ?? null };
  }
}
