import { UsageError } from './exit-codes.js';

/** Splits `--to` values (repeatable, comma- or semicolon-separated) into numbers. */
export function recipientsFromFlag(values: readonly string[] | undefined): string[] {
  const numbers = (values ?? [])
    .flatMap((value) => value.split(/[,;]/))
    .map((value) => value.trim())
    .filter(Boolean);
  if (numbers.length === 0)
    throw new UsageError('Give recipients with --to +639171234567,+447400123456 (or --file)');
  return numbers;
}

/** The message text, or a usage error naming the flag. */
export function textFromFlag(text: string | undefined): string {
  if (text === undefined || text.trim() === '')
    throw new UsageError('Give the message with --text "..."');
  return text;
}
