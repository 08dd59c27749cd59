/** The separators the mock accepts between numbers: `,` (documented), and newline, `;`, space and `，`. */
const SEPARATORS = /[,\n\r;\s，]+/;

/** Splits the `phone` field into numbers, ignoring empty entries and a leading `+`. */
export function splitPhones(field: string): string[] {
  const phones: string[] = [];
  for (const entry of field.split(SEPARATORS)) {
    if (entry === '') continue;
    phones.push(entry.startsWith('+') ? entry.slice(1) : entry);
  }
  return phones;
}
