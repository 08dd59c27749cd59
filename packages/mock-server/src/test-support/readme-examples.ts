import { readFile } from 'node:fs/promises';

/** The examples of the README's "Faults" section, as written there. */
export interface FaultExamples {
  /** Each ```json block, parsed: a body for `PUT /__mock/faults`. */
  readonly json: readonly unknown[];
  /** Each `--fault '…'` argument of the ```sh blocks, unquoted. */
  readonly flags: readonly string[];
  /** Each ```yaml block: a config file. */
  readonly yaml: readonly string[];
}

/** Reads the README's fault examples, so tests run them exactly as a reader would copy them. */
export async function readmeFaultExamples(): Promise<FaultExamples> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n## Faults');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = (lang: string) =>
    [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
      (match) => match[1] ?? '',
    );
  return {
    json: blocks('json').map((text) => JSON.parse(text)),
    flags: blocks('sh').flatMap((text) =>
      [...text.matchAll(/--fault '([^']*)'/g)].map((match) => match[1] ?? ''),
    ),
    yaml: blocks('yaml'),
  };
}
