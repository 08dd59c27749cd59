/** An address as nodemailer accepts one: a string (possibly a list), or `{ name, address }`. */
export type MailAddress = string | { readonly name?: string; readonly address?: string };

/** One or many addresses, as in `to`, `cc` and `bcc`. */
export type MailAddressField = MailAddress | readonly MailAddress[] | undefined | null;

const PHONE_LIKE = /^\+?[\d\s\-().]{3,}$/;

/**
 * The phone numbers of `to`, `cc` and `bcc`, in order, as written: `"+44 7400 123456"`,
 * `"Alice <+447400123456>"`, `{ name, address }`, `"+447400123456@sms"` (the part before
 * `@` when it looks like a number), or comma-separated lists of these. Email addresses
 * are kept as they are, so the send rejects them as invalid numbers.
 */
export function phonesFromAddresses(...fields: MailAddressField[]): string[] {
  const phones: string[] = [];
  for (const field of fields) {
    if (field === undefined || field === null) continue;
    const list = Array.isArray(field) ? field : [field];
    for (const entry of list as MailAddress[]) {
      if (typeof entry === 'string') phones.push(...splitAddressList(entry).map(phoneOf));
      else if (entry && typeof entry === 'object')
        phones.push(phoneOf(entry.address || entry.name || ''));
    }
  }
  return phones.filter((phone) => phone !== '');
}

/** Splits `a, "B, C" <d>, e` at commas outside quotes and angle brackets. */
function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if ((char === ',' || char === ';') && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The number inside one address: the `<…>` part if any, the local part of `+1555…@sms`. */
function phoneOf(address: string): string {
  const angle = /<([^>]*)>/.exec(address);
  let value = (angle ? angle[1] : address)?.trim() ?? '';
  if (!angle && !PHONE_LIKE.test(value) && /<|"/.test(value) === false) {
    // "Name +63 917 …" without brackets: keep the trailing phone-like part
    const tail = /(\+?[\d][\d\s\-().]{4,})$/.exec(value);
    if (tail?.[1] && !value.includes('@')) value = tail[1].trim();
  }
  const at = value.indexOf('@');
  if (at > 0 && PHONE_LIKE.test(value.slice(0, at))) value = value.slice(0, at);
  return value;
}
