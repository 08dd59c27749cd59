import type { BulkSource } from '@intl-sms/core';
import type { JobsOptions } from 'bullmq';
import { CampaignInputMismatchError } from '../errors/campaign-input-mismatch-error.js';
import { SEND_JOB, type SendJobData, sendJobId, sendJobOptions } from '../queue-jobs.js';
import type { AddChunkResult, FailureEntry, StoredChunk } from '../store/campaign-store.js';
import { chunkDigest, encodeIndices, encodePhones } from '../store/chunk-codec.js';
import type { EnqueueLock } from '../store/enqueue-lock.js';
import { chunkRecipients, type RecipientChunk } from './chunk-recipients.js';
import type { CampaignInput, EnqueueContext } from './enqueue-campaign.js';

const JOBS_PER_ADD = 100;
const REFUSED_PER_WRITE = 1_000;

/** Chunk writes sent together (one round trip) while enqueuing a new campaign. */
const CHUNKS_PER_WRITE = 100;

/**
 * Reads the recipients and stores their chunks. Chunks are numbered in the order the
 * chunker makes them, before any route check, so a resumed enqueue numbers them the same
 * even if a channel was enabled or disabled in between; a chunk refused for want of a
 * channel keeps its number as a small marker, and the first decision about it stands.
 * A new campaign's chunks are written a hundred at a time (a personalised campaign has
 * one per recipient); a resume writes one at a time, so that a chunk found to differ
 * stops it before anything after it is written. Jobs are added once their chunks exist.
 */
export async function addChunks(
  context: EnqueueContext,
  lock: EnqueueLock,
  input: CampaignInput,
  recipients: AsyncIterable<unknown>,
  chunking: { readonly chunkSize: number; readonly maxBuffered: number; readonly resumed: boolean },
) {
  const { store, queue } = context;
  const { campaignId } = input;
  const routes = input.channelId === undefined ? await context.routes?.() : undefined;
  const channelId = input.channelId === undefined ? '' : String(input.channelId);
  let jobs: { name: string; data: SendJobData; opts: JobsOptions }[] = [];
  let refused: FailureEntry[] = [];
  let numbered = 0;
  let chunks = 0;
  let read = 0;
  let rejected = 0;
  const flushRefused = async () => {
    if (!(await store.reject(campaignId, lock, refused))) throw lock.lostError();
    refused = [];
  };
  const flushJobs = async () => {
    await queue.addBulk(jobs);
    jobs = [];
  };
  let writes: { n: number; size: number; result: Promise<AddChunkResult> }[] = [];
  const flushWrites = async () => {
    const done = await Promise.all(writes.map((write) => write.result));
    for (const [i, result] of done.entries()) {
      const { n, size } = writes[i] as (typeof writes)[number];
      if (result === 'lease') throw lock.lostError();
      if (result === 'mismatch') throw recipientsMismatch(campaignId, n);
      if (result === 'rejected') {
        rejected += size;
        continue;
      }
      chunks++;
      const data: SendJobData = { campaignId, chunk: n };
      jobs.push({ name: SEND_JOB, data, opts: sendJobOptions(sendJobId(campaignId, n)) });
    }
    writes = [];
    if (jobs.length >= JOBS_PER_ADD) await flushJobs();
  };
  const { resumed, ...sizes } = chunking;
  const source = chunkRecipients(recipients as BulkSource, {
    ...sizes,
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(input.defaultCountry === undefined ? {} : { defaultCountry: input.defaultCountry }),
    ...(input.phoneValidation === undefined ? {} : { validation: input.phoneValidation }),
    dedupe: input.dedupe !== false,
  });
  const readChunks = async (): Promise<void> => {
    for await (const item of source) {
      lock.check();
      if (item.kind === 'refused') {
        read++;
        rejected++;
        refused.push(item.entry);
        if (refused.length >= REFUSED_PER_WRITE) await flushRefused();
        continue;
      }
      const n = numbered++;
      read += item.phones.length;
      const stored = storedChunk(item, channelId);
      const routed = routes ? routes.split(item) : { chunk: item, refused: [] };
      const result = routed.chunk
        ? store.addChunk(campaignId, lock, n, stored)
        : store.addRejectedChunk(campaignId, lock, n, stored, routed.refused);
      // Settled in flushWrites; until then a rejection must not go unhandled.
      result.catch(() => {});
      writes.push({ n, size: item.phones.length, result });
      if (resumed || writes.length >= CHUNKS_PER_WRITE) await flushWrites();
    }
  };
  try {
    await readChunks();
  } catch (error) {
    // A source that throws (or a lost lease) must not leave chunk writes in flight: the
    // lease is released next, and a write landing after it (an EVALSHA answered NOSCRIPT
    // is sent again as EVAL) would be fenced out, so a resume would decide that chunk
    // anew. Settled here, the chunks read so far are stored as first decided.
    await Promise.allSettled(writes.map((write) => write.result));
    throw error;
  }
  await flushWrites();
  await flushRefused();
  await flushJobs();
  return { chunks, recipients: read, rejected };
}

/** A chunk as stored: its numbers and positions encoded, with the digest a resume compares. */
function storedChunk(chunk: RecipientChunk, channelId: string): StoredChunk {
  const phones = encodePhones(chunk.phones);
  const indices = encodeIndices(chunk.indices);
  const digest = chunkDigest([chunk.text, channelId, phones, indices]);
  return { size: chunk.phones.length, digest, text: chunk.text, channelId, phones, indices };
}

function recipientsMismatch(campaignId: string, n: number): CampaignInputMismatchError {
  return new CampaignInputMismatchError(
    'recipients',
    `Campaign ${campaignId} was first enqueued with other recipients: its chunk ${n} holds other numbers (or the same in another order) than this enqueue makes. Finish its interrupted enqueue with the same recipients in the same order`,
  );
}
