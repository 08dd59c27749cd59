import { INSPECT } from '../runtime/host.js';
import { MASK, SecretMask } from './secret-forms.js';

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
  /** The escaped forms of both, worked out once. */
  readonly #mask: SecretMask;

  constructor(account: string, password: string) {
    this.#account = account;
    this.#password = password;
    this.#mask = new SecretMask([password, account]);
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
    let out = this.#mask.mask(text);
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
