import { LuaScript } from './lua-script.js';

/**
 * Creates the campaign unless it exists, recording its chunking inputs, their
 * fingerprint, how long it is kept once finished and how its submits are retried. Returns `{'new'}`, or the existing
 * campaign's enqueue state (`open` while recipients are still being added, `closed` once
 * all were) with the chunking and fingerprint it was created with.
 * Also records its `maxCost` (a decimal, `''` for none) and `smartEncoding` (`1`, `0`,
 * `''` for the transport's setting), returned for an existing campaign as well.
 * KEYS: campaign, campaigns set, active campaigns set.
 * ARGV: campaign id, now, chunking JSON, fingerprint, retention ms, attempts, retry delay ms,
 *   max cost, smart encoding.
 */
export const createCampaign = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  local got = redis.call('HMGET', KEYS[1], 'enqueue', 'chunking', 'fingerprint', 'maxCost', 'smartEncoding')
  return { got[1] or '', got[2] or '', got[3] or '', got[4] or '', got[5] or '' }
end
redis.call('HSET', KEYS[1], 'status', 'running', 'enqueue', 'open', 'createdAt', ARGV[2], 'updatedAt', ARGV[2],
  'chunking', ARGV[3], 'fingerprint', ARGV[4], 'retention', ARGV[5], 'numbered', 0,
  'attempts', ARGV[6], 'retryDelayMs', ARGV[7], 'maxCost', ARGV[8], 'smartEncoding', ARGV[9],
  'committed', '0', 'totalCost', '0')
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return { 'new', ARGV[3], ARGV[4], ARGV[8], ARGV[9] }
`);

/**
 * Lua shared by the enqueue scripts: stops unless this process still holds the enqueue
 * lease (KEYS[3], token ARGV[1]), so an enqueue whose lease expired — a long pause, a
 * Redis outage — and was taken over writes nothing more. Then, for chunk n (KEYS[2]):
 * an existing chunk is kept as it is when its digest matches (a resumed enqueue recreates
 * it; the first decision stands, queued or refused) and reported as a mismatch when not;
 * chunk numbers used so far are counted in `numbered`.
 */
const FENCE_AND_EXISTING = `
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 'lease' end
local n = tonumber(ARGV[2])
if tonumber(redis.call('HGET', KEYS[1], 'numbered') or '0') < n + 1 then
  redis.call('HSET', KEYS[1], 'numbered', n + 1)
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  if redis.call('HGET', KEYS[2], 'digest') ~= ARGV[4] then return 'mismatch' end
  if redis.call('HGET', KEYS[2], 'state') == 'rejected' then return 'rejected' end
  return 'exists'
end
`;

/**
 * Stores chunk n unless it exists and counts its recipients as queued, or as cancelled
 * when the campaign was cancelled. Returns `added`; `exists` or `rejected` for a chunk
 * stored before (queued or refused); `mismatch` or `lease`.
 * KEYS: campaign, chunk, enqueue lease.
 * ARGV: lease token, n, size, digest, text, channel id, phones, indices, now.
 */
export const addChunk = new LuaScript(`${FENCE_AND_EXISTING}
local size = tonumber(ARGV[3])
local state = 'queued'
if redis.call('HGET', KEYS[1], 'status') == 'cancelled' then state = 'cancelled' end
redis.call('HSET', KEYS[2], 'state', state, 'n', ARGV[2], 'size', size, 'digest', ARGV[4], 'text', ARGV[5],
  'channelId', ARGV[6], 'phones', ARGV[7], 'indices', ARGV[8], 'updatedAt', ARGV[9])
redis.call('HINCRBY', KEYS[1], 'chunks', 1)
if state == 'cancelled' then
  redis.call('HINCRBY', KEYS[1], 'cancelled', size)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
else
  redis.call('HINCRBY', KEYS[1], 'queued', size)
end
return 'added'
`);

/**
 * Records chunk n as refused whole (no enabled channel for its country): a small marker
 * in its place, so a resumed enqueue keeps the decision even if a channel was enabled in
 * between, and its recipients in the failures set, at once. Returns `rejected`, or like
 * `addChunk` for a chunk stored before.
 * KEYS: campaign, chunk, enqueue lease, failures.
 * ARGV: lease token, n, size, digest, now, then failure score/member pairs.
 */
export const addRejectedChunk = new LuaScript(`${FENCE_AND_EXISTING}
redis.call('HSET', KEYS[2], 'state', 'rejected', 'n', ARGV[2], 'size', ARGV[3], 'digest', ARGV[4],
  'updatedAt', ARGV[5])
local added = 0
for i = 6, #ARGV, 2 do added = added + redis.call('ZADD', KEYS[4], 'NX', ARGV[i], ARGV[i + 1]) end
if added > 0 then redis.call('HINCRBY', KEYS[1], 'rejected', added) end
return 'rejected'
`);

/**
 * Records recipients refused before queueing (invalid number, no text, a repeat).
 * Idempotent: an entry already recorded is not counted again. Returns the number added,
 * or -1 when this process no longer holds the enqueue lease.
 * KEYS: campaign, failures, enqueue lease. ARGV: lease token, then score/member pairs.
 */
export const rejectRecipients = new LuaScript(`
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return -1 end
local added = 0
for i = 2, #ARGV, 2 do added = added + redis.call('ZADD', KEYS[2], 'NX', ARGV[i], ARGV[i + 1]) end
if added > 0 then redis.call('HINCRBY', KEYS[1], 'rejected', added) end
return added
`);

/**
 * Marks the campaign fully enqueued; returns 0 when this process no longer holds the
 * enqueue lease.
 * KEYS: campaign, events, enqueue lease. ARGV: lease token, recipients read, now.
 */
export const closeEnqueue = new LuaScript(`
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'enqueue', 'closed', 'recipients', ARGV[2], 'updatedAt', ARGV[3])
redis.call('PUBLISH', KEYS[2], 'enqueued')
return 1
`);
