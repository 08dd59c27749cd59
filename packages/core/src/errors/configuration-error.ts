import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when a transport or client is created with missing or unusable settings,
 * e.g. no account/password in the options nor in `SJROOM_ACCOUNT`/`SJROOM_PASSWORD`.
 */
export class ConfigurationError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'ConfigurationError';
  /** The setting that is missing or wrong, e.g. `password` or `baseUrl`. */
  readonly setting: string;

  constructor(setting: string, message: string, options?: SmsErrorOptions) {
    super('CONFIGURATION_INVALID', message, { ...options, retryable: false });
    this.setting = setting;
  }
}
