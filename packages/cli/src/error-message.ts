import { InvalidRecipientsError } from '@intl-sms/core';

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
