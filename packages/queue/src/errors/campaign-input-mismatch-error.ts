import { SmsError } from '@intl-sms/core';

/**
 * Thrown by `enqueueCampaign` when it would finish an interrupted enqueue of the same
 * campaign with other inputs than the enqueue began with (code
 * `CAMPAIGN_INPUT_MISMATCH`). A resumed enqueue recreates the chunks by number and keeps
 * those already stored, so it must chunk exactly as the first did: another `chunkSize`,
 * text or recipient list would put recipients in two chunks (sent twice) or in none
 * (lost). Nothing was written. `field` names the first input that differs (`chunkSize`,
 * `text`, `recipients`, …).
 */
export class CampaignInputMismatchError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'CampaignInputMismatchError';
  /** The input that differs from the interrupted enqueue's, e.g. `chunkSize` or `recipients`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super('CAMPAIGN_INPUT_MISMATCH', message, { retryable: false });
    this.field = field;
  }
}
