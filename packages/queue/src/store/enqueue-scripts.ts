import { LuaScript } from './lua-script.js';

/**
 * Creates the campaign unless it exists, recording how its recipients are chunked.
 * Returns { 'new' }, or the existing campaign's enqueue state (`open` while recipients
 * are still being added, `closed` once all were) with the chunking it was created with.
 * KEYS: campaign, campaigns set, active campaigns set. ARGV: campaign id, now, chunking JSON.
 */
export const createCampaign = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  return { redis.call('HGET', KEYS[1], 'enqueue'), redis.call('HGET', KEYS[1], 'chunking') or '' }
end
redis.call('HSET', KEYS[1], 'status', 'running', 'enqueue', 'open', 'createdAt', ARGV[2], 'updatedAt', ARGV[2],
  'chunking', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return { 'new', ARGV[3] }
`);

/**
 * Stores chunk n unless it exists (a resumed enqueue recreates the same chunks) and
 * counts its recipients as queued, or as cancelled when the campaign was cancelled.
 * KEYS: campaign, chunk. ARGV: n, size, text, channel id, phones JSON, indices JSON, now.
 */
export const addChunk = new LuaScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local size = tonumber(ARGV[2])
local state = 'queued'
if redis.call('HGET', KEYS[1], 'status') == 'cancelled' then state = 'cancelled' end
redis.call('HSET', KEYS[2], 'state', state, 'n', ARGV[1], 'size', size, 'text', ARGV[3],
  'channelId', ARGV[4], 'phones', ARGV[5], 'indices', ARGV[6], 'updatedAt', ARGV[7])
redis.call('HINCRBY', KEYS[1], 'chunks', 1)
if state == 'cancelled' then
  redis.call('HINCRBY', KEYS[1], 'cancelled', size)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
else
  redis.call('HINCRBY', KEYS[1], 'queued', size)
end
return 1
`);

/**
 * Records recipients refused before queueing (invalid number, no text). Idempotent: an
 * entry already recorded is not counted again.
 * KEYS: campaign, failures. ARGV: score, member pairs.
 */
export const rejectRecipients = new LuaScript(`
local added = 0
for i = 1, #ARGV, 2 do added = added + redis.call('ZADD', KEYS[2], 'NX', ARGV[i], ARGV[i + 1]) end
if added > 0 then redis.call('HINCRBY', KEYS[1], 'rejected', added) end
return added
`);

/**
 * Marks the campaign fully enqueued.
 * KEYS: campaign, events. ARGV: recipients read, chunks, now.
 */
export const closeEnqueue = new LuaScript(`
redis.call('HSET', KEYS[1], 'enqueue', 'closed', 'recipients', ARGV[1], 'updatedAt', ARGV[3])
redis.call('PUBLISH', KEYS[2], 'enqueued')
return 1
`);
