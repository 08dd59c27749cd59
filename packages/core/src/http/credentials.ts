import { INSPECT } from '../runtime/host.js';

const MIN_REDACTED_LENGTH = 3;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A secret as it is written, and as JSON, a URL and HTML write it, longest first. */
function escapedForms(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    secret.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string),
  ]);
  return [...forms].sort((a, b) => b.length - a.length);
}

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
   * `text` with every occurrence of the account or password replaced by `***`, also
   * as a JSON string, URL or HTML would carry them (a body echoed by a gateway or WAF
   * holds the JSON-escaped form: `pa\"ss` for `pa"ss`).
   */
  redact(text: string): string {
    let out = text;
    for (const secret of [this.#password, this.#account]) {
      if (secret.length < MIN_REDACTED_LENGTH) continue;
      for (const form of escapedForms(secret)) out = out.split(form).join('***');
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
