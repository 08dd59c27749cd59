/**
 * Secrets at least this long are masked wherever they appear, in any of their escaped
 * forms. A shorter one (a 1–2 character password) would turn every message into
 * asterisks; where it can be found at all, it is found by its context (see `Credentials`).
 */
export const MIN_LITERAL_LENGTH = 3;

/** What a masked secret becomes. */
export const MASK = '***';

const HTML_SPECIAL = /[&<>"']/g;
const HTML_NAMED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The ways a character that HTML must escape is written: named, `&apos;`, decimal, hex. */
const HTML_ESCAPERS: readonly ((c: string) => string)[] = [
  (c) => HTML_NAMED[c] as string,
  (c) => (c === "'" ? '&apos;' : (HTML_NAMED[c] as string)),
  (c) => `&#${c.charCodeAt(0)};`,
  (c) => `&#x${c.charCodeAt(0).toString(16)};`,
];

/** A string as JSON writes it, without the quotes; `asciiOnly` also escapes non-ASCII (`\u00e9`). */
function jsonForm(text: string, asciiOnly: boolean, upperHex = false): string {
  const body = JSON.stringify(text).slice(1, -1);
  if (!asciiOnly) return body;
  return body.replace(/[^\x20-\x7e]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upperHex ? hex.toUpperCase() : hex}`;
  });
}

/**
 * The "HTML-safe" JSON encoders write some ASCII characters as `\u` escapes too: Go's
 * `encoding/json` `<`, `>` and `&`; Gson (by default) also `=` and `'`.
 */
const JSON_HTML_SAFE: readonly RegExp[] = [/[<>&]/g, /[<>&=']/g];

/** `form` (a JSON string body) with the characters `html` matches written as `\u` escapes. */
function htmlSafe(form: string, html: RegExp, upperHex: boolean): string {
  return form.replace(html, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upperHex ? hex.toUpperCase() : hex}`;
  });
}

/**
 * The percent-encoders in use, by the characters each leaves as they are and how it
 * writes a space: `encodeURIComponent`; RFC 3986 (`rawurlencode`); WHATWG forms
 * (`URLSearchParams`, Java's `URLEncoder`); PHP's `urlencode`; and `encodeURIComponent`
 * with `+` for a space (jQuery's `param`).
 */
const URL_ENCODERS: readonly { readonly keep: RegExp; readonly space: string }[] = [
  { keep: /[A-Za-z0-9\-_.!~*'()]/, space: '%20' },
  { keep: /[A-Za-z0-9\-_.~]/, space: '%20' },
  { keep: /[A-Za-z0-9\-_.*]/, space: '+' },
  { keep: /[A-Za-z0-9\-_.]/, space: '+' },
  { keep: /[A-Za-z0-9\-_.!~*'()]/, space: '+' },
];

const utf8 = new TextEncoder();

/** `text` percent-encoded as UTF-8, leaving the characters `keep` matches. Never throws (a lone surrogate becomes U+FFFD). */
function percentEncode(text: string, keep: RegExp, space: string): string {
  let out = '';
  for (const c of text) {
    if (c === ' ') out += space;
    else if (keep.test(c)) out += c;
    else
      for (const byte of utf8.encode(c))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A string as URLs and form bodies write it, with upper- and lower-case hex. */
function urlForms(text: string): string[] {
  const forms: string[] = [];
  for (const { keep, space } of URL_ENCODERS) {
    const encoded = percentEncode(text, keep, space);
    forms.push(
      encoded,
      encoded.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase()),
    );
  }
  return forms;
}

/**
 * A secret as it is written and as the layers that may echo it write it: JSON (also
 * ASCII-only with lower- or upper-case hex, also "HTML-safe" as Go and Gson write it, each also with `/` written `\/` as PHP and
 * some Java encoders do, and JSON in JSON, also ASCII-only), URL and form encoding (every common encoder,
 * `+` or `%20` for a space, either case of hex), HTML entities (named, decimal, hex), and
 * HTML of JSON. Longest first, so a longer form is masked whole before a shorter one
 * inside it.
 */
export function escapedForms(secret: string): string[] {
  const json = [jsonForm(secret, false), jsonForm(secret, true), jsonForm(secret, true, true)];
  // Go and Gson write some ASCII characters as `\u` escapes too (either case of hex).
  for (const html of JSON_HTML_SAFE)
    for (const upper of [false, true]) {
      json.push(htmlSafe(jsonForm(secret, false), html, upper));
      json.push(htmlSafe(jsonForm(secret, true, upper), html, upper));
    }
  const texts = [secret, ...json, ...json.map((form) => form.replaceAll('/', '\\/'))];
  // A JSON body quoted in a JSON string (an error message that carries the request), also
  // ASCII-only.
  const inner = jsonForm(secret, false);
  texts.push(jsonForm(inner, false), jsonForm(inner, true), jsonForm(inner, true, true));
  const forms = new Set<string>();
  for (const text of texts) {
    forms.add(text);
    for (const form of urlForms(text)) forms.add(form);
    for (const entity of HTML_ESCAPERS) forms.add(text.replace(HTML_SPECIAL, entity));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Masks secrets in text: every secret of {@link MIN_LITERAL_LENGTH} or more characters,
 * in every form of {@link escapedForms}. The forms are worked out once, when built.
 */
export class SecretMask {
  readonly #forms: readonly string[];

  constructor(secrets: Iterable<string>) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_LITERAL_LENGTH) continue;
      for (const form of escapedForms(secret)) forms.add(form);
    }
    // Longest first over all secrets too: one secret may hold another.
    this.#forms = [...forms].sort((a, b) => b.length - a.length);
  }

  /** Whether there is nothing to mask (every secret was too short, or none was given). */
  get empty(): boolean {
    return this.#forms.length === 0;
  }

  /** `text` with every form of every secret replaced by `***`. */
  mask(text: string): string {
    let out = text;
    for (const form of this.#forms) if (out.includes(form)) out = out.split(form).join(MASK);
    return out;
  }
}
