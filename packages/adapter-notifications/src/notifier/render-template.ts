/**
 * Fills `{{name}}` and `{{order.id}}` placeholders from `data`. A placeholder with no
 * value is an error naming it, so a half-rendered text is never sent.
 */
export function renderTemplate(
  template: string,
  data: Readonly<Record<string, unknown>> = {},
): string {
  return template.replace(/\{\{\s*([\w$.-]+)\s*\}\}/g, (_match, path: string) => {
    let value: unknown = data;
    for (const key of path.split('.'))
      value = (value as Record<string, unknown> | undefined)?.[key];
    if (value === undefined || value === null || typeof value === 'object') {
      throw new RangeError(`template placeholder {{${path}}} has no value in data`);
    }
    return String(value);
  });
}
