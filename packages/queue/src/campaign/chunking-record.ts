import { createHash } from 'node:crypto';
import { CampaignInputMismatchError } from '../errors/campaign-input-mismatch-error.js';
import type { CampaignInput } from './enqueue-campaign.js';

/**
 * How this version numbers chunks. Version 2 numbers every chunk the recipients make,
 * routable or not, so a channel enabled or disabled between an interrupted enqueue and
 * its resume cannot shift the numbers; version 1 (no fingerprint recorded) skipped
 * unroutable chunks.
 */
const CHUNKING_VERSION = 2;

/**
 * Everything that decides which recipients land in which chunk. A resumed enqueue (one
 * that finishes an earlier, interrupted one) keeps the chunks already stored and adds
 * the missing ones by number, so it must chunk exactly as the first did: a different
 * `chunkSize` would put a recipient in two chunks (sent twice) or in none (lost). The
 * recipients themselves are checked chunk by chunk, by digest, as they are read again.
 */
export interface ChunkingInputs {
  readonly version: number;
  readonly chunkSize: number;
  readonly maxBuffered: number;
  /** SHA-256 of the campaign text (the text itself can be long, or personal). */
  readonly text: string | null;
  readonly defaultCountry: string | null;
  readonly phoneValidation: string | null;
  readonly dedupe: boolean;
  readonly channelId: string | null;
}

/** The chunking inputs of an enqueue, as recorded with the campaign. */
export function chunkingOf(
  input: CampaignInput,
  chunkSize: number,
  maxBuffered: number,
): ChunkingInputs {
  return {
    version: CHUNKING_VERSION,
    chunkSize,
    maxBuffered,
    text: input.text === undefined ? null : createHash('sha256').update(input.text).digest('hex'),
    defaultCountry: input.defaultCountry ?? null,
    phoneValidation: input.phoneValidation ?? null,
    dedupe: input.dedupe !== false,
    channelId: input.channelId === undefined ? null : String(input.channelId),
  };
}

/** The fingerprint stored with a campaign: SHA-256 of its chunking inputs, in a fixed order. */
export function fingerprintOf(inputs: ChunkingInputs): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * Refuses to resume an interrupted enqueue with other chunking inputs than it started
 * with: a `CampaignInputMismatchError` naming the first input that differs.
 */
export function checkSameChunking(
  campaignId: string,
  recorded: { readonly chunking: string; readonly fingerprint: string },
  now: ChunkingInputs,
): void {
  if (recorded.fingerprint === fingerprintOf(now)) return;
  if (recorded.fingerprint === '')
    throw new CampaignInputMismatchError(
      'campaignId',
      `Campaign ${campaignId} was begun by an earlier version of @intl-sms/queue that numbered its chunks differently; its interrupted enqueue cannot be finished safely. Delete it (deleteCampaign) or enqueue under a new campaignId`,
    );
  const before = JSON.parse(recorded.chunking || '{}') as Record<string, unknown>;
  const field =
    Object.entries(now).find(([key, value]) => before[key] !== value)?.[0] ?? 'campaignId';
  const was = field === 'text' ? 'a text of its own' : JSON.stringify(before[field]);
  const is = field === 'text' ? 'another text' : JSON.stringify(now[field as keyof ChunkingInputs]);
  throw new CampaignInputMismatchError(
    field,
    `Campaign ${campaignId} was first enqueued with ${field} ${was}; finishing its interrupted enqueue with ${is} would put recipients in two chunks or none. Enqueue it again with the same ${field} (and the same recipients in the same order)`,
  );
}
