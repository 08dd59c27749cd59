import { INSPECT } from '../runtime/host.js';

/**
 * Secrets at least this long are masked wherever they appear. A shorter one (a 1–2
 * character account or password) would turn every message into asterisks, so it is
 * masked only where the request body is echoed: as the value of an `account` or
 * `password` field (see {@link ECHOED_FIELDS}).
 */
const MIN_LITERAL_LENGTH = 3;

const MASK = '***';

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

/** A string as URLs write it: percent-encoded (upper and lower hex) and form-encoded. */
function urlForms(text: string): string[] {
  const encoded = encodeURIComponent(text);
  return [
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase()),
    new URLSearchParams({ s: text }).toString().slice(2),
  ];
}

/**
 * A secret as it is written and as the layers that may echo it write it: JSON (also
 * ASCII-only, and JSON in JSON), URL and form encoding, HTML entities (named, decimal,
 * hex), and HTML of JSON (a JSON body quoted in an HTML error page). Longest first, so a longer form is
 * masked whole before a shorter one inside it.
 */
function escapedForms(secret: string): string[] {
  const texts = [
    secret,
    jsonForm(secret, false),
    jsonForm(secret, true),
    jsonForm(secret, true, true),
    // A JSON body quoted in a JSON string: an error message that carries the request.
    jsonForm(jsonForm(secret, false), false),
  ];
  const forms = new Set<string>();
  for (const text of texts) {
    forms.add(text);
    for (const form of urlForms(text)) forms.add(form);
    for (const entity of HTML_ESCAPERS) forms.add(text.replace(HTML_SPECIAL, entity));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A double quote as HTML writes it: `&quot;`, `&#34;`, `&#x22;` (bounded, so matching stays linear). */
const HTML_QUOTE = '(?:&quot;|&#0{0,4}34;|&#x0{0,4}22;)';
const KEY = '(?:account|password)';

/**
 * The shapes in which a server echoes the request body. Each captures (1) everything up
 * to the value of an `account` or `password` field and (2) the value: up to its closing
 * quote (followed by `,`, `}` or `]`), its separator, or the end of the text, so an echo
 * cut short is masked too. Where the end of a value is ambiguous (escaped JSON, HTML)
 * the mask errs on the long side. Every pattern is linear: its only unbounded
 * repetitions cannot overlap.
 */
const ECHOED_FIELDS: readonly RegExp[] = [
  // JSON: the value up to its unescaped closing quote.
  new RegExp(String.raw`("${KEY}"\s*:\s*")((?:[^"\\]|\\[^])*)`, 'gi'),
  // JSON quoted inside a JSON string: \"password\":\"…\"
  new RegExp(String.raw`(\\"${KEY}\\"\s*:\s*\\")([^]*?)(?=\\"\s{0,8}[,}\]]|$)`, 'gi'),
  // JSON quoted in an HTML page: &quot;password&quot;:&quot;…&quot;
  new RegExp(
    String.raw`(${HTML_QUOTE}${KEY}${HTML_QUOTE}\s*:\s*${HTML_QUOTE})([^]*?)(?=${HTML_QUOTE}\s{0,8}[,}\]]|<|$)`,
    'gi',
  ),
  // A form body or a query string: password=… up to &, ;, white space, a quote or <.
  new RegExp(String.raw`((?:^|[?&;\s"'>])${KEY}=)([^&;\s"'<]*)`, 'gi'),
];

/**
 * An account and password held so that they cannot leak by accident: they are in
 * private fields, and `inspect`, `JSON.stringify` and `String()` show a mask.
 */
export class Credentials {
  readonly #account: string;
  readonly #password: string;

  constructor(account: string, password: string) {
    this.#account = account;
    this.#password = password;
  }

  /** The two fields as the sjroom request body carries them. */
  toRequestFields(): { account: string; password: string } {
    return { account: this.#account, password: this.#password };
  }

  /**
   * `text` with the account and password replaced by `***`: every occurrence of a secret
   * of three or more characters, as written and as JSON, URLs, forms and HTML escape it
   * (a gateway or WAF echoing the body holds an escaped form: `pa\"ss` for `pa"ss`); and,
   * whatever their length, the values of the `account` and `password` fields wherever
   * the request body is echoed (JSON, escaped JSON, HTML-escaped JSON, a form or query
   * string), even when the echo is cut short. A 1–2 character secret is masked only
   * there: masking every `a` elsewhere would destroy the message it is in.
   */
  redact(text: string): string {
    let out = text;
    for (const secret of [this.#password, this.#account]) {
      if (secret.length < MIN_LITERAL_LENGTH) continue;
      for (const form of escapedForms(secret)) out = out.split(form).join(MASK);
    }
    for (const pattern of ECHOED_FIELDS) {
      out = out.replace(pattern, (_match, head: string) => `${head}${MASK}`);
    }
    return out;
  }

  toJSON(): string {
    return '[credentials hidden]';
  }

  toString(): string {
    return '[credentials hidden]';
  }

  [INSPECT](): string {
    return 'Credentials [hidden]';
  }
}
