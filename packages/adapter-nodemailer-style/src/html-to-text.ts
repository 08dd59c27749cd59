import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import { TextWriter } from './text-writer.js';

/** Elements whose start and end break the line, as a browser lays them out. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
/** Elements whose content is never shown. */
const HIDDEN = new Set(['head', 'script', 'style', 'template', 'title']);
/** Link targets that mean nothing in a text message. */
const NO_TARGET = /^(?:#|javascript:|vbscript:|data:)/i;

/**
 * Plain text from an HTML mail body, for an SMS: what a reader would see, on lines as a
 * browser lays them out (`<br>` and block elements break lines, white space collapses),
 * with scripts, styles and the head dropped, every HTML entity decoded (named, numeric,
 * legacy, invalid ones as `�`, by the `entities` package), a no-break space as a plain
 * space (it would force the costlier UCS-2 encoding), and each link kept as
 * `text (url)`, or `url` when its text is the URL or empty.
 *
 * One pass over the input, each character read a bounded number of times: linear time
 * on any input, however many tags are left unclosed.
 */
export function htmlToText(html: string): string {
  const out = new TextWriter();
  let href: string | undefined;
  const closeLink = () => {
    if (href !== undefined) out.endLink(href);
    href = undefined;
  };
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) out.text(decodeHTML(html.slice(textStart, end)));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (tag === undefined) {
      i = lt + 1;
      continue;
    }
    flushText(lt);
    i = tag.end;
    textStart = i;
    if (tag.name === 'br') out.lineBreak();
    else if (BLOCKS.has(tag.name)) out.blockBreak();
    else if (tag.name === 'td' || tag.name === 'th') out.space();
    if (tag.name === 'a') {
      closeLink();
      if (!tag.closing && tag.href !== undefined && tag.href !== '' && !NO_TARGET.test(tag.href)) {
        href = tag.href;
        out.startLink();
      }
    } else if (HIDDEN.has(tag.name) && !tag.closing && !tag.selfClosing) {
      i = skipContent(html, i, tag.name);
      textStart = i;
    }
  }
  flushText(html.length);
  closeLink();
  return out.toString();
}

interface Tag {
  /** Lower-case name; `!` for a comment, a doctype or a processing instruction. */
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** The decoded `href` of an `<a>`. */
  readonly href: string | undefined;
  /** Index just after the tag (the input's length for a tag left open at the end). */
  readonly end: number;
}

/**
 * The tag opening at `lt`, or `undefined` when `<` starts no tag (`a < b`). A tag left
 * open runs to the end of the input, as in a browser: its text is never shown.
 */
function readTag(html: string, lt: number): Tag | undefined {
  const next = html[lt + 1] ?? '';
  if (html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    return bare('!', close === -1 ? html.length : close + 3);
  }
  if (next === '!' || next === '?') {
    const close = html.indexOf('>', lt + 2);
    return bare('!', close === -1 ? html.length : close + 1);
  }
  const closing = next === '/';
  const nameStart = closing ? lt + 2 : lt + 1;
  if (!isLetter(html.charCodeAt(nameStart))) return undefined;
  let i = nameStart;
  while (i < html.length && !endsName(html.charCodeAt(i))) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  let href: string | undefined;
  let selfClosing = false;
  // Attributes: each character is read once; a quoted value is skipped with indexOf.
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === GT) return { name, closing, selfClosing, href, end: i + 1 };
    if (c === SLASH || isSpace(c)) {
      selfClosing = c === SLASH;
      i++;
      continue;
    }
    selfClosing = false;
    const attrStart = i;
    while (i < html.length && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== EQUALS) i++;
    const attr = html.slice(attrStart, i).toLowerCase();
    while (isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== EQUALS) continue;
    i++;
    while (isSpace(html.charCodeAt(i))) i++;
    let value: string;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close === -1) return bare(name, html.length);
      value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < html.length && html.charCodeAt(i) !== GT && !isSpace(html.charCodeAt(i))) i++;
      value = html.slice(valueStart, i);
    }
    if (attr === 'href' && name === 'a') href = decodeHTMLAttribute(value).trim();
  }
  return bare(name, html.length);
}

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;

function isLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** HTML's white space: tab, line feed, form feed, carriage return, space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** A tag or attribute name ends at white space, `/` or `>`. */
function endsName(c: number): boolean {
  return isSpace(c) || c === SLASH || c === GT;
}

function bare(name: string, end: number): Tag {
  return { name, closing: false, selfClosing: true, href: undefined, end };
}

/** Index just after `</name…>` from `from` on, or the input's length when it never closes. */
function skipContent(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}[\\s/>]`, 'gi');
  close.lastIndex = from;
  const found = close.exec(html);
  if (!found) return html.length;
  const end = html.indexOf('>', found.index);
  return end === -1 ? html.length : end + 1;
}
