import Table from 'cli-table3';
import { terminalCell, terminalJson, terminalText } from './terminal-text.js';

/** Writes one JSON document to stdout (the `--json` contract: one document per command). */
export function printJson(value: unknown): void {
  process.stdout.write(`${terminalJson(JSON.stringify(value, null, 2))}\n`);
}

/** Writes a table to stdout; each cell on one line, without control characters. */
export function printTable(head: string[], rows: (string | number)[][]): void {
  const table = new Table({ head: head.map(terminalCell), style: { head: [], border: [] } });
  for (const row of rows) table.push(row.map((cell) => terminalCell(String(cell))));
  process.stdout.write(`${table.toString()}\n`);
}

/** Writes human-readable lines to stdout, without control characters. */
export function printLines(...lines: string[]): void {
  process.stdout.write(`${terminalText(lines.join('\n'))}\n`);
}

/** Writes human-readable lines to stderr (errors, warnings, notes), without control characters. */
export function printStderr(...lines: string[]): void {
  process.stderr.write(`${terminalText(lines.join('\n'))}\n`);
}
