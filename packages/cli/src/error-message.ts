import { InvalidRecipientsError, type RejectedRecipient } from '@intl-sms/core';

/**
 * The message to show for an error, in the CLI's words: where a core error advises a
 * library option (`onInvalid: 'skip'`), the CLI names its own flag instead.
 */
export function cliMessage(error: unknown): string {
  if (InvalidRecipientsError.isInstance(error)) {
    const [first, ...others] = error.rejected;
    const more = others.length > 0 ? ` (and ${others.length} more)` : '';
    const which = first ? ` ${JSON.stringify(first.input)}: ${first.reason}${more}.` : '';
    return `${error.rejected.length} number(s) cannot be sent to; nothing was sent.${which} Fix or remove them, or pass --skip-invalid to send to the others`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Rejected rows with the CLI's reasons: a row without text is explained with the column
 * and `--text`, where the core says "pass options.text".
 */
export function cliRejections(
  rejected: readonly RejectedRecipient[],
  textColumn: string | undefined,
): RejectedRecipient[] {
  const noText = `no text: the ${textColumn ?? 'text'} column of this row is empty and no --text was given`;
  return rejected.map((r) => (r.reason.startsWith('no text') ? { ...r, reason: noText } : r));
}
