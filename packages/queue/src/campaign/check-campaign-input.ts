import { normalizePhone, parseMaxCost, ValidationError } from '@intl-sms/core';
import { checkKnownKeys, checkOneOf } from '../check-options.js';
import { positive } from '../check-positive.js';
import { checkCampaignId } from '../queue-jobs.js';

/** Every key of `CampaignInput`. */
const INPUT_KEYS = [
  'campaignId',
  'recipients',
  'text',
  'channelId',
  'defaultCountry',
  'phoneValidation',
  'chunkSize',
  'maxBuffered',
  'dedupe',
  'smartEncoding',
  'maxCost',
];

/** Most numbers in one sjroom submit, so in one chunk. */
export const MAX_CHUNK_SIZE = 10_000;

/**
 * Refuses a bad `enqueueCampaign` input with a `ValidationError` naming the field, before
 * anything is stored: unknown keys, a bad id, recipients that cannot be iterated, an
 * empty text, a chunk size outside 1–10,000, `maxBuffered` below it, an unknown `defaultCountry` (which would
 * otherwise fail every national number one by one), a bad `phoneValidation`/`channelId`,
 * a `smartEncoding` other than a boolean, a `maxCost` that is not a decimal ≥ 0.
 */
export async function checkCampaignInput(input: unknown): Promise<void> {
  if (typeof input !== 'object' || input === null)
    throw new ValidationError('input', 'enqueueCampaign takes { campaignId, recipients, … }');
  checkKnownKeys(input, INPUT_KEYS, 'enqueueCampaign input');
  const i = input as Record<string, unknown>;
  checkCampaignId(i.campaignId);
  const chunkSize = i.chunkSize ?? MAX_CHUNK_SIZE;
  if (
    !Number.isInteger(chunkSize) ||
    (chunkSize as number) < 1 ||
    (chunkSize as number) > MAX_CHUNK_SIZE
  )
    throw new ValidationError(
      'chunkSize',
      `chunkSize must be an integer from 1 to ${MAX_CHUNK_SIZE}`,
    );
  positive('maxBuffered', i.maxBuffered);
  // Below chunkSize, chunks could never fill: the fullest would go out early, small, and
  // each small chunk is a submit of its own.
  if (typeof i.maxBuffered === 'number' && i.maxBuffered < (chunkSize as number))
    throw new ValidationError(
      'maxBuffered',
      `maxBuffered (${i.maxBuffered}) must be at least chunkSize (${chunkSize}); lower chunkSize too`,
    );
  const recipients = i.recipients as object | null | undefined;
  if (
    recipients === null ||
    typeof recipients !== 'object' ||
    !(Symbol.iterator in recipients || Symbol.asyncIterator in recipients)
  )
    throw new ValidationError(
      'recipients',
      'recipients must be an array, an iterable, an async iterable or an object-mode stream',
    );
  if (i.text !== undefined && (typeof i.text !== 'string' || i.text.length === 0))
    throw new ValidationError('text', 'text must be a non-empty string');
  checkOneOf('phoneValidation', i.phoneValidation, ['valid', 'possible']);
  if (i.smartEncoding !== undefined && typeof i.smartEncoding !== 'boolean')
    throw new ValidationError('smartEncoding', 'smartEncoding must be true or false');
  parseMaxCost(i.maxCost, 'maxCost');
  const channelId = i.channelId;
  if (
    channelId !== undefined &&
    !(typeof channelId === 'number' && Number.isSafeInteger(channelId) && channelId > 0) &&
    !(typeof channelId === 'string' && /^\d{1,19}$/.test(channelId))
  )
    throw new ValidationError('channelId', 'channelId must be a positive integer or its digits');
  if (i.defaultCountry !== undefined) {
    // Any international number will do: the country is checked before the number.
    const probe = await normalizePhone('+447400123456', {
      defaultCountry: String(i.defaultCountry),
    });
    if (typeof i.defaultCountry !== 'string' || !probe.ok)
      throw new ValidationError(
        'defaultCountry',
        'defaultCountry must be an ISO 3166 country code such as "PH"',
      );
  }
}
