/** What a number's ending decides, Twilio-style (see the package README). */
export type MagicOutcome = 'fails' | 'no-receipt' | 'invalid' | undefined;

/**
 * Numbers ending `0001` always get a failed receipt, `0002` never get a receipt, `0003`
 * are refused at submit as invalid. Any other number follows the failure rate.
 */
export function magicOutcome(phone: string): MagicOutcome {
  if (phone.endsWith('0001')) return 'fails';
  if (phone.endsWith('0002')) return 'no-receipt';
  if (phone.endsWith('0003')) return 'invalid';
  return undefined;
}
