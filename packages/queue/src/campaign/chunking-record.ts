import { createHash } from 'node:crypto';
import { ValidationError } from '@intl-sms/core';
import type { CampaignInput } from './enqueue-campaign.js';

/**
 * Everything that decides which recipients land in which chunk. A resumed enqueue (one
 * that finishes an earlier, interrupted one) keeps the chunks already stored and adds
 * the missing ones by number, so it must chunk exactly as the first did: a different
 * `chunkSize` would put a recipient in two chunks (sent twice) or in none (lost).
 */
export interface ChunkingInputs {
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
    chunkSize,
    maxBuffered,
    text: input.text === undefined ? null : createHash('sha256').update(input.text).digest('hex'),
    defaultCountry: input.defaultCountry ?? null,
    phoneValidation: input.phoneValidation ?? null,
    dedupe: input.dedupe !== false,
    channelId: input.channelId === undefined ? null : String(input.channelId),
  };
}

/**
 * Refuses to resume an interrupted enqueue with other chunking inputs than it started
 * with, naming the first that differs. Campaigns recorded before chunking was stored
 * (`recorded` empty) cannot be checked.
 */
export function checkSameChunking(campaignId: string, recorded: string, now: ChunkingInputs): void {
  if (recorded === '') return;
  const before = JSON.parse(recorded) as Record<string, unknown>;
  for (const [field, value] of Object.entries(now)) {
    if (before[field] === value) continue;
    const shown = field === 'text' ? 'another text' : JSON.stringify(value);
    throw new ValidationError(
      field,
      `Campaign ${campaignId} was first enqueued with ${field} ${field === 'text' ? 'of its own' : JSON.stringify(before[field])}; finishing its interrupted enqueue with ${shown} would put recipients in two chunks or none. Enqueue it again with the same ${field} (and the same recipients in the same order)`,
    );
  }
}
