import { UsageError } from './exit-codes.js';

/**
 * Splits `--to` values (repeatable, comma- or semicolon-separated) into numbers. The
 * error names `alternative` (e.g. `--file`) only for commands that have it.
 */
export function recipientsFromFlag(
  values: readonly string[] | undefined,
  alternative?: string,
): string[] {
  const numbers = (values ?? [])
    .flatMap((value) => value.split(/[,;]/))
    .map((value) => value.trim())
    .filter(Boolean);
  if (numbers.length === 0) {
    const or = alternative ? ` (or ${alternative})` : '';
    throw new UsageError(`Give recipients with --to +639171234567,+447400123456${or}`);
  }
  return numbers;
}

/** The message text, or a usage error naming the flag. */
export function textFromFlag(text: string | undefined): string {
  if (text === undefined || text.trim() === '')
    throw new UsageError('Give the message with --text "..."');
  return text;
}

/** The `--channel` value: a channel id, the digits of a non-negative integer. */
export function channelFromFlag(channel: string): string {
  if (!/^\d{1,19}$/.test(channel.trim()))
    throw new UsageError(
      `--channel takes a channel id (digits, see intl-sms channels), got ${JSON.stringify(channel)}`,
    );
  return channel.trim();
}
