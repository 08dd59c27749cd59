import type { Credentials } from '../../http/credentials.js';

/**
 * Serialises a sjroom request body. `rawFields` are JSON values written verbatim (before
 * `fields`): that is how an int64 channel id larger than 2^53 reaches the wire as an
 * exact JSON integer, and how a checked list of numbers skips an escaping pass.
 */
export function sjroomRequestBody(
  credentials: Credentials,
  fields: Record<string, string> = {},
  rawFields: Record<string, string> = {},
): string {
  const parts = [JSON.stringify(credentials.toRequestFields()).slice(1, -1)];
  for (const [name, digits] of Object.entries(rawFields))
    parts.push(`${JSON.stringify(name)}:${digits}`);
  for (const [name, value] of Object.entries(fields))
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
  return `{${parts.join(',')}}`;
}
