import { describe, expect, it } from 'vitest';
import * as errors from './index.js';
import { SmsError } from './sms-error.js';

/** Every exported error class, by its export name. */
const classes = Object.entries(errors).filter(
  (entry): entry is [string, typeof SmsError] =>
    typeof entry[1] === 'function' && 'errorType' in entry[1],
);

/**
 * What a second copy of the package hands over: an object carrying the same marker and
 * type names, but built by other classes, so `instanceof` fails on it.
 */
function fromAnotherCopy(error: SmsError): object {
  const marker = Symbol.for('intl-sms.error');
  const foreign = Object.create(Error.prototype) as Record<string | symbol, unknown>;
  Object.assign(foreign, { code: error.code, message: error.message });
  Object.defineProperty(foreign, marker, { value: (error as never)[marker] });
  return foreign;
}

describe('SmsError.isInstance', () => {
  it('gives every exported error class a stable errorType equal to its export name', () => {
    expect(classes.length).toBeGreaterThanOrEqual(17);
    for (const [name, type] of classes) expect(type.errorType).toBe(name);
  });

  it('recognises a class and its parents across copies of the package, and nothing else', () => {
    const invalid = new errors.InvalidRecipientsError([{ index: 0, input: 'x', reason: 'bad' }]);
    const unknown = new errors.SubmitOutcomeUnknownError(['1'], 1, 'reset');
    for (const error of [invalid, fromAnotherCopy(invalid)]) {
      expect(errors.InvalidRecipientsError.isInstance(error)).toBe(true);
      expect(errors.ValidationError.isInstance(error)).toBe(true);
      expect(SmsError.isInstance(error)).toBe(true);
      expect(errors.SubmitOutcomeUnknownError.isInstance(error)).toBe(false);
    }
    expect(errors.SubmitOutcomeUnknownError.isInstance(fromAnotherCopy(unknown))).toBe(true);
    expect(errors.ValidationError.isInstance(fromAnotherCopy(unknown))).toBe(false);
    for (const value of [null, undefined, 'x', new Error('plain'), { code: 'VALIDATION_FAILED' }])
      expect(errors.ValidationError.isInstance(value)).toBe(false);
  });

  it('names the error after its class, and keeps a subclass of ours recognisable', () => {
    class AppError extends errors.ValidationError {}
    const error = new AppError('to', 'bad');
    expect(error.name).toBe('AppError');
    expect(errors.ValidationError.isInstance(error)).toBe(true);
    expect(new errors.TimeoutError('list', 5).name).toBe('TimeoutError');
  });
});
