/**
 * Reads the endpoint tables of `docs/sjroom-api.md`: an endpoint is a `###` heading
 * holding `` `POST /path` ``; under it, `#### Request` and `#### Response` each hold one
 * table whose first column is `field` and second `type` (requests add `required`).
 */

/** One row of a field table. */
export interface DocField {
  readonly name: string;
  /** The JSON types the type cell names, sorted: `integer`, `string`, `array of string`… */
  readonly types: readonly string[];
  /** From the `required` column (request tables only). */
  readonly required?: boolean;
  /** Line in the document, for messages. */
  readonly line: number;
}

/** One endpoint as the document describes it. */
export interface DocEndpoint {
  readonly path: string;
  readonly request: DocField[];
  readonly response: DocField[];
}

const TYPE_WORDS = /\b(array of \w+|string|integer|number|boolean|object|any)\b/g;

/** The JSON types a type cell names, ignoring notes in parentheses: `integer (int64)` → `integer`. */
export function docTypes(cell: string): string[] {
  const plain = cell.replace(/\([^)]*\)/g, ' ').toLowerCase();
  return [...new Set([...plain.matchAll(TYPE_WORDS)].map((match) => match[1] ?? ''))].sort();
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Every endpoint of the document with its request and response fields. */
export function readApiDoc(markdown: string): DocEndpoint[] {
  const endpoints: DocEndpoint[] = [];
  let endpoint: DocEndpoint | undefined;
  let section: 'request' | 'response' | undefined;
  let columns: string[] | undefined;
  markdown.split('\n').forEach((line, index) => {
    if (/^#{1,3} /.test(line)) {
      const path = /`POST (\/[^`\s]+)`/.exec(line)?.[1];
      endpoint = path ? { path, request: [], response: [] } : undefined;
      if (endpoint) endpoints.push(endpoint);
      section = undefined;
      return;
    }
    if (/^#### /.test(line)) {
      const title = line.slice(5).trim().toLowerCase();
      section = title.startsWith('request')
        ? 'request'
        : title.startsWith('response')
          ? 'response'
          : undefined;
      columns = undefined;
      return;
    }
    if (!endpoint || !section || !line.trim().startsWith('|')) {
      columns = undefined;
      return;
    }
    const row = cells(line);
    if (!columns) {
      columns = row.map((cell) => cell.toLowerCase());
      return;
    }
    if (row.every((cell) => /^:?-+:?$/.test(cell))) return;
    const value = (column: string) => row[columns?.indexOf(column) ?? -1] ?? '';
    const required = value('required').toLowerCase();
    endpoint[section].push({
      name: value('field').replace(/`/g, ''),
      types: docTypes(value('type')),
      ...(columns.includes('required') ? { required: required === 'yes' } : {}),
      line: index + 1,
    });
  });
  return endpoints;
}
