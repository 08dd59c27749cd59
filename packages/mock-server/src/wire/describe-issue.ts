import type * as z from 'zod';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** What a JSON value is, in words; never the value itself (it may be a password). */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  switch (typeof input) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(input) ? 'an integer' : 'a fraction';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof input;
  }
}

function expected(name: string): string {
  return EXPECTED[name] ?? name;
}

function unit(origin: string, count: number | bigint): string {
  if (origin === 'string') return ` ${count === 1 ? 'character' : 'characters'}`;
  if (origin === 'array' || origin === 'set') return ` ${count === 1 ? 'item' : 'items'}`;
  return '';
}

/** What a branch of a union wanted, when it refused the value at the union's own place. */
function wantedBy(issue: Issue | undefined): string | undefined {
  if (!issue || issue.path.length > 0) return undefined;
  if (issue.code === 'invalid_type') return expected(issue.expected);
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  return undefined;
}

/** `must be a string or an integer` when every branch of a union refused the value outright. */
function unionMessage(branches: readonly (readonly Issue[])[]): string | undefined {
  const wanted: string[] = [];
  for (const branch of branches) {
    const words = wantedBy(branch[0]);
    if (words === undefined) return undefined;
    if (!wanted.includes(words)) wanted.push(words);
  }
  return wanted.length > 0 ? `must be ${wanted.join(' or ')}` : undefined;
}

/**
 * A zod error map that says why a field is wrong in plain words: `required`, `must be an
 * integer, got a string`, `must be one of latency, state-code`, `must be at most 20
 * characters`. Messages a schema sets itself take precedence. Pass it to every parse
 * whose errors reach a user: `schema.safeParse(value, FIELD_ERRORS)`.
 */
export function fieldErrorMap(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
      if (issue.input === undefined) return 'required';
      if (issue.code === 'invalid_value') {
        return issue.values.length === 1
          ? `must be ${String(issue.values[0])}`
          : `must be one of ${issue.values.map(String).join(', ')}`;
      }
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'must be an integer';
      return `must be ${expected(issue.expected)}, got ${kindOf(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}${unit(issue.origin, issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}${unit(issue.origin, issue.maximum)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return 'unknown field';
    case 'invalid_union':
      return unionMessage(issue.errors);
    default:
      return undefined;
  }
}

/** Parse parameters that give every issue a {@link fieldErrorMap} message. */
export const FIELD_ERRORS: z.core.ParseContext<z.core.$ZodIssue> = { error: fieldErrorMap };

/**
 * How far a union branch got before it failed: a wrong type or value at the union's own
 * place means the branch did not apply at all; anything deeper means it did.
 */
function reach(branch: readonly Issue[]): number {
  const first = branch[0];
  if (!first || wantedBy(first) !== undefined) return -1;
  return first.path.length + (first.code === 'unrecognized_keys' ? 1 : 0);
}

/** The innermost issue that explains a failure, with its full path. */
function explain(issue: Issue, prefix: readonly PropertyKey[]): [PropertyKey[], string] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') return [[...path, issue.keys[0] ?? ''], 'unknown field'];
  if (issue.code === 'invalid_union') {
    let best: readonly Issue[] | undefined;
    for (const branch of issue.errors) if (reach(branch) > (best ? reach(best) : -1)) best = branch;
    if (best?.[0]) return explain(best[0], path);
  }
  return [path, issue.message];
}

const PLAIN_KEY = /^[^\s:[\]"]{1,60}$/;

/**
 * A path segment as written in `[field:why]`: a plain key as it is; any other key (one
 * with `:`, brackets, spaces, or very long) quoted, shortened and with those characters
 * escaped, so the message keeps its shape whatever keys a body has.
 */
function segment(key: PropertyKey): string {
  const text = String(key);
  if (PLAIN_KEY.test(text)) return text;
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(short).replace(
    /[:[\]]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A Spring-style message `[field:why]` for the first issue of a zod error, with the
 * field's full path (`[0.then.delayMs:required for type latency]`), unknown keys named
 * (`[0.colour:unknown field]`), and a failed union explained by the branch that
 * applied (an array of rules explains the bad rule, not "expected an object"). `prefix`
 * is put before the path, for a value that sits inside a larger one.
 */
export function describeIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return `[${prefix.map(segment).join('.') || 'body'}:invalid]`;
  const [path, message] = explain(issue, prefix);
  return `[${path.map(segment).join('.') || 'body'}:${message || 'invalid'}]`;
}
