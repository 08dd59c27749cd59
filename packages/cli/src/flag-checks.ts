import type { Command } from 'commander';
import { UsageError } from './exit-codes.js';

/**
 * The long flag of an option the user gave on the command line (not a default), e.g.
 * `--batch-size` for `batchSize`; undefined when it was not given.
 */
export function givenFlag(command: Command, attribute: string): string | undefined {
  if (command.getOptionValueSource(attribute) !== 'cli') return undefined;
  const option = command.options.find((o) => o.attributeName() === attribute);
  return option?.long ?? attribute;
}

/**
 * Refuses, naming it, the first of `attributes` given on the command line: flags that
 * would be accepted and silently ignored in this mode are an error instead.
 */
export function refuseFlags(
  command: Command,
  attributes: readonly string[],
  why: (flag: string) => string,
): void {
  for (const attribute of attributes) {
    const flag = givenFlag(command, attribute);
    if (flag) throw new UsageError(why(flag));
  }
}
