import { writeFile } from 'node:fs/promises';

/** Row i's number: distinct, valid, and never one of the mock's magic endings (0001–0003). */
export const testPhone = (i: number): string => `+63917${String(i * 10 + 5).padStart(7, '0')}`;

/** Writes a CSV file of a header line and one line per row; resolves with its path. */
export async function writeCsvFile(
  path: string,
  header: string,
  rows: number,
  line: (i: number) => string,
): Promise<string> {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(line(i));
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}
