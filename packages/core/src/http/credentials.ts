import { inspect } from 'node:util';

const MIN_REDACTED_LENGTH = 3;

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

  /** `text` with every occurrence of the account or password replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const secret of [this.#password, this.#account]) {
      if (secret.length >= MIN_REDACTED_LENGTH) out = out.split(secret).join('***');
    }
    return out;
  }

  toJSON(): string {
    return '[credentials hidden]';
  }

  toString(): string {
    return '[credentials hidden]';
  }

  [inspect.custom](): string {
    return 'Credentials [hidden]';
  }
}
