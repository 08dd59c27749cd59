/**
 * Text from the provider (operator and country names, messages, batch numbers) and from
 * input files goes to a terminal, which obeys the control characters in it: `ESC [2J`
 * clears the screen, `ESC ]0;…` sets the window title, others rewrite what was printed.
 * Everything the CLI prints passes through here first.
 */

/**
 * Control characters (C0, DEL and C1: `\u009b` is a CSI on its own), the bidirectional
 * overrides and isolates that reorder what a line appears to say, and the Unicode line
 * and paragraph separators. Newline and tab are kept where text spans lines.
 */
const CONTROLS_BUT_LINE_BREAKS = /(?![\n\t])[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
/** The same, newline and tab included: for one cell of a table. */
const ALL_CONTROLS = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
/**
 * What `JSON.stringify` leaves raw (it escapes C0 in strings; its own indentation is the
 * only newline) but a terminal would obey.
 */
const RAW_IN_JSON = /(?!\n)[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

/** Shown in place of a control character: the reader sees that something was there. */
const REPLACEMENT = '\ufffd';

/** `text` with every control character but newline and tab replaced by `�`. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS_BUT_LINE_BREAKS, REPLACEMENT);
}

/** `text` on one line: every control character, newline and tab included, replaced by `�`. */
export function terminalCell(text: string): string {
  return text.replace(ALL_CONTROLS, REPLACEMENT);
}

/**
 * JSON text with the control characters that `JSON.stringify` leaves raw written as
 * `\uXXXX` escapes: the document means the same, and a terminal shows it inertly.
 */
export function terminalJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
