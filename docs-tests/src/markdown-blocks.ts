/**
 * Finds the fenced code blocks of a Markdown file and the `docs-test` markers before them.
 *
 * A marker is an HTML comment on the line(s) right before the opening fence (other
 * comments, such as `<!-- example:name -->`, may stand between it and the fence):
 * - `<!-- docs-test: skip (why) -->`: the block is not run; the reason is required.
 * - `<!-- docs-test: file NAME -->`: the block is not run; its text is written to `NAME`
 *   in the working directory of the file's blocks before they run (a CSV the next block
 *   reads, say).
 */

/** The languages whose blocks run, and how (`sh` blocks run with bash). */
export const RUNNABLE_LANGUAGES = {
  js: 'mjs',
  mjs: 'mjs',
  javascript: 'mjs',
  cjs: 'cjs',
  ts: 'ts',
  typescript: 'ts',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
} as const;

/** How a block runs: an ES module, a CommonJS script, TypeScript through `tsc`, or bash. */
export type BlockKind = (typeof RUNNABLE_LANGUAGES)[keyof typeof RUNNABLE_LANGUAGES];

/** One fenced block and what its marker says about it. */
export interface CodeBlock {
  /** Line of the opening fence, 1-based. */
  readonly line: number;
  /** The fence's info string's first word, lower case (`ts`, `sh`, `yaml`, or `''`). */
  readonly language: string;
  /** The text between the fences, ending with a newline. */
  readonly code: string;
  /** How it runs, when its language is runnable and no marker says otherwise. */
  readonly kind: BlockKind | undefined;
  /** Why it is not run, from `docs-test: skip (why)`. */
  readonly skip?: string;
  /** Where its text is written, from `docs-test: file NAME`. */
  readonly file?: string;
}

const FENCE = /^(\s{0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
const COMMENT = /^\s*<!--([\s\S]*?)-->\s*$/;
const MARKER = /^\s*docs-test:\s*(.*?)\s*$/;

/** Thrown for a marker the harness does not understand, so a typo cannot skip a block silently. */
export class MarkerError extends Error {}

/** The fenced blocks of `markdown`, in order, with their markers applied. */
export function extractBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(indent && line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    const language = info.toLowerCase();
    const marker = markerBefore(lines, i);
    const runnable = RUNNABLE_LANGUAGES[language as keyof typeof RUNNABLE_LANGUAGES];
    blocks.push({
      line: i + 1,
      language,
      code: body.length ? `${body.join('\n')}\n` : '',
      kind: marker ? undefined : runnable,
      ...marker,
    });
    i = j;
  }
  return blocks;
}

/** The `docs-test` marker in the comment lines right above line `index`, if any. */
function markerBefore(
  lines: string[],
  index: number,
): { skip: string } | { file: string } | undefined {
  for (let k = index - 1; k >= 0; k--) {
    const comment = COMMENT.exec(lines[k] ?? '');
    if (!comment) return undefined;
    const marker = MARKER.exec(comment[1] ?? '');
    if (!marker) continue;
    const text = marker[1] ?? '';
    const skip = /^skip\s*\((.+)\)$/s.exec(text);
    if (skip?.[1]?.trim()) return { skip: skip[1].trim() };
    const file = /^file\s+([\w.-]+)$/.exec(text);
    if (file?.[1]) return { file: file[1] };
    throw new MarkerError(
      `line ${k + 1}: unknown docs-test marker "${text}" (use "skip (why)" or "file NAME")`,
    );
  }
  return undefined;
}
