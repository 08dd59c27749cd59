import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CodeBlock, extractBlocks, MarkerError } from './markdown-blocks.js';

/** The repository root (this package sits one level below it). */
export const REPO_ROOT: string = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** A Markdown file of the repository and its blocks. */
export interface DocFile {
  /** Path from the repository root, e.g. `packages/core/README.md`. */
  readonly path: string;
  /** A name usable as a directory name, e.g. `packages-core-README`. */
  readonly slug: string;
  readonly blocks: readonly CodeBlock[];
}

/**
 * The documents whose examples must run: the root README, every package's README and
 * every page under `docs/`, in a stable order.
 */
export function docFiles(root: string = REPO_ROOT): DocFile[] {
  const paths = [
    'README.md',
    ...readdirSync(join(root, 'packages'))
      .sort()
      .map((name) => `packages/${name}/README.md`),
    ...(existsSync(join(root, 'docs'))
      ? readdirSync(join(root, 'docs'))
          .filter((name) => name.endsWith('.md'))
          .sort()
          .map((name) => `docs/${name}`)
      : []),
  ].filter((path) => existsSync(join(root, path)));
  return paths.map((path) => {
    try {
      return {
        path,
        slug: path.replace(/\.md$/, '').replace(/[^\w.-]+/g, '-'),
        blocks: extractBlocks(readFileSync(join(root, path), 'utf8')),
      };
    } catch (error) {
      if (error instanceof MarkerError) throw new MarkerError(`${path}: ${error.message}`);
      throw error;
    }
  });
}
