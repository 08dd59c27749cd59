/** Reads an optional string query parameter. */
export function stringParam(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads an optional non-negative integer query parameter, clamped to `max`; `undefined` if absent, `NaN` if bad. */
export function intParam(query: unknown, name: string, max: number): number | undefined {
  const raw = stringParam(query, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) return Number.NaN;
  return Math.min(Number(raw), max);
}

/** `[name:must be a non-negative integer]` for the first of `names` that is given but is not one. */
export function intParamError(query: unknown, names: readonly string[]): string | undefined {
  const bad = names.find((name) => Number.isNaN(intParam(query, name, Number.MAX_SAFE_INTEGER)));
  return bad === undefined ? undefined : `[${bad}:must be a non-negative integer]`;
}
