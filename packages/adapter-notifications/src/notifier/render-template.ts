/**
 * Fills `{{name}}` and `{{order.id}}` placeholders from `data`. A placeholder with no
 * value is an error naming it, so a half-rendered text is never sent.
 *
 * Only the data's own properties are read, never inherited ones: `{{constructor}}` or
 * `{{name.__proto__}}` would otherwise print a function's source or an object's insides.
 * A value must be a string, a number, a bigint or a boolean.
 */
export function renderTemplate(
  template: string,
  data: Readonly<Record<string, unknown>> = {},
): string {
  return template.replace(/\{\{\s*([\w$.-]+)\s*\}\}/g, (_match, path: string) => {
    let value: unknown = data;
    for (const key of path.split('.')) value = ownProperty(value, key);
    if (!PRINTABLE.has(typeof value)) {
      throw new RangeError(`template placeholder {{${path}}} has no value in data`);
    }
    return String(value);
  });
}

const PRINTABLE = new Set(['string', 'number', 'bigint', 'boolean']);

/** `value[key]` when `value` has `key` itself (a string its length and characters); otherwise undefined. */
function ownProperty(value: unknown, key: string): unknown {
  if (value === null || value === undefined || !Object.hasOwn(Object(value), key)) return undefined;
  return (value as Record<string, unknown>)[key];
}
