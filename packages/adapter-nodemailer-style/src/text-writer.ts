/** White space as HTML collapses it; a no-break space too: in an SMS it is a plain space. */
const WHITE_SPACE = /[ \t\n\r\f\u00a0]+/;

/**
 * Builds the plain text of an HTML body in one pass: white space collapses to one space,
 * line breaks are asked for and written only between words (never at the start or the
 * end, at most one blank line in a row), so nothing has to be cleaned up afterwards with
 * a regular expression that could backtrack.
 */
export class TextWriter {
  #out = '';
  #space = false;
  #breaks = 0;
  /** The words written since a link started (slicing `#out` would copy all of it each time). */
  #linkText: string | undefined;

  /** Decoded text: its words, with its white space collapsed. */
  text(text: string): void {
    const words = text.split(WHITE_SPACE);
    words.forEach((word, index) => {
      if (index > 0) this.#space = true;
      if (word !== '') this.#word(word);
    });
  }

  /** `<br>`: one more line break (two in a row make a blank line). */
  lineBreak(): void {
    this.#breaks++;
  }

  /** The start or end of a block element: the next word starts a line. */
  blockBreak(): void {
    this.#breaks = Math.max(this.#breaks, 1);
  }

  /** A table cell boundary: the next word is separated by a space. */
  space(): void {
    this.#space = true;
  }

  /** A link starts: its text is what is written until {@link endLink}. */
  startLink(): void {
    this.#linkText = '';
  }

  /**
   * The link ends: its URL follows its text in brackets, unless the text already is the
   * URL (without `mailto:` or `tel:`); a link without text is its URL.
   */
  endLink(href: string): void {
    const text = this.#linkText ?? '';
    this.#linkText = undefined;
    const bare = href.replace(/^(?:mailto|tel):/i, '');
    if (text === href || text === bare) return;
    if (text === '') {
      this.#word(bare);
      return;
    }
    this.#space = true;
    this.#word(`(${href})`);
  }

  toString(): string {
    return this.#out;
  }

  #word(word: string): void {
    let separator = '';
    if (this.#out !== '') {
      if (this.#breaks > 0) separator = this.#breaks > 1 ? '\n\n' : '\n';
      else if (this.#space) separator = ' ';
    }
    this.#out += separator + word;
    if (this.#linkText !== undefined)
      this.#linkText += this.#linkText === '' ? word : separator + word;
    this.#space = false;
    this.#breaks = 0;
  }
}
