import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** Thrown when the provider does not know a batch number (sjroom `stateCode` `404`). */
export class BatchNotFoundError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'BatchNotFoundError';
  /** The batch number that was asked for. */
  readonly batchNo: string;

  constructor(batchNo: string, options?: SmsErrorOptions) {
    super('BATCH_NOT_FOUND', `The provider does not know batch ${batchNo}`, {
      ...options,
      retryable: false,
    });
    this.batchNo = batchNo;
  }
}
