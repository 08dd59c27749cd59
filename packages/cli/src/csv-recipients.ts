import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { BulkRecipient } from '@intl-sms/core';
import { parse } from 'csv-parse';
import { UsageError } from './exit-codes.js';

/** Which CSV columns hold the number and, optionally, a per-recipient text. */
export interface CsvColumns {
  readonly phone: string;
  readonly text?: string;
}

/**
 * Streams the recipients of a CSV file with a header row, one row at a time (the file is
 * never held in memory). A missing column is a usage error naming it.
 */
export async function* csvRecipients(
  path: string,
  columns: CsvColumns,
): AsyncGenerator<BulkRecipient> {
  try {
    await access(path);
  } catch {
    throw new UsageError(`Cannot read ${path}`);
  }
  const parser = createReadStream(path).pipe(
    parse({ columns: true, skip_empty_lines: true, trim: true, bom: true }),
  );
  let checked = false;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (!checked) {
      for (const column of [columns.phone, columns.text]) {
        if (column !== undefined && !(column in row)) {
          parser.destroy();
          throw new UsageError(
            `${path} has no column "${column}" (columns: ${Object.keys(row).join(', ')})`,
          );
        }
      }
      checked = true;
    }
    const to = row[columns.phone] ?? '';
    const text = columns.text ? row[columns.text] : undefined;
    yield text ? { to, text } : to;
  }
}
