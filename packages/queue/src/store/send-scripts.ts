import { LuaScript } from './lua-script.js';

/**
 * Takes chunk n for one submit attempt. Returns:
 * - `{'go', text, channelId, phones, indices}`: the chunk is now `submitting` under this attempt;
 * - `{'paused'}`: the campaign is paused, nothing changed;
 * - `{'cancelled'}`: the campaign was cancelled, the chunk is now cancelled;
 *   (also when this same attempt asks again after a lost reply);
 * - `{'reconcile'}`: an earlier attempt began submitting and never recorded an outcome
 *   (its worker died or lost its lock): the submit may have been sent, so it is never
 *   repeated; the chunk now needs reconciliation;
 * - `{'done', state}` or `{'missing'}`: nothing to do.
 * KEYS: campaign, chunk, reconcile set, events. ARGV: attempt id, now, n.
 */
export const claimChunk = new LuaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then return {'missing'} end
local state = redis.call('HGET', KEYS[2], 'state')
local size = tonumber(redis.call('HGET', KEYS[2], 'size'))
if state == 'queued' then
  local status = redis.call('HGET', KEYS[1], 'status')
  if status == 'cancelled' then
    redis.call('HSET', KEYS[2], 'state', 'cancelled', 'updatedAt', ARGV[2])
    redis.call('HINCRBY', KEYS[1], 'queued', -size)
    redis.call('HINCRBY', KEYS[1], 'cancelled', size)
    redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
    redis.call('PUBLISH', KEYS[4], 'chunk')
    return {'cancelled'}
  end
  if status == 'paused' then return {'paused'} end
  redis.call('HSET', KEYS[2], 'state', 'submitting', 'attempt', ARGV[1], 'updatedAt', ARGV[2])
  local fields = redis.call('HMGET', KEYS[2], 'text', 'channelId', 'phones', 'indices')
  return {'go', fields[1], fields[2], fields[3], fields[4]}
end
if state == 'submitting' and redis.call('HGET', KEYS[2], 'attempt') == ARGV[1] then
  -- This very attempt claimed it but lost the reply (Redis went away and the client sent
  -- the call again): it has not submitted anything yet, so it may go on.
  local fields = redis.call('HMGET', KEYS[2], 'text', 'channelId', 'phones', 'indices')
  return {'go', fields[1], fields[2], fields[3], fields[4]}
end
if state == 'submitting' then
  redis.call('HSET', KEYS[2], 'state', 'needs-reconciliation',
    'stalledAttempt', redis.call('HGET', KEYS[2], 'attempt'),
    'unknownCount', size, 'unknownPhones', redis.call('HGET', KEYS[2], 'phones'),
    'error', 'the worker stopped while its submit was in flight', 'updatedAt', ARGV[2])
  redis.call('HINCRBY', KEYS[1], 'queued', -size)
  redis.call('HINCRBY', KEYS[1], 'unknown', size)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('PUBLISH', KEYS[4], 'chunk')
  return {'reconcile'}
end
return {'done', state}
`);

/**
 * Gives chunk n back after an attempt that certainly sent nothing (connection refused,
 * rate limited), so a later attempt may submit it.
 * KEYS: chunk. ARGV: attempt id, now.
 */
export const releaseChunk = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'submitting' then return 0 end
if redis.call('HGET', KEYS[1], 'attempt') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'queued', 'updatedAt', ARGV[2])
return 1
`);

/**
 * Records what the submit of chunk n did. Also accepted when another worker already
 * gave this attempt up as unknown (it stalled while Redis was away): the outcome is the
 * truth and replaces the guess. Returns 0 for an attempt that no longer owns the chunk.
 * KEYS: campaign, chunk, reconcile set, failures, events.
 * ARGV: attempt, now, n, new state, accepted, failed, rejected, unknown, batches JSON,
 *   batch count, error, unknown phones JSON, then failure score/member pairs.
 */
export const recordSubmit = new LuaScript(`
local state = redis.call('HGET', KEYS[2], 'state')
local size = tonumber(redis.call('HGET', KEYS[2], 'size'))
if state == 'submitting' and redis.call('HGET', KEYS[2], 'attempt') == ARGV[1] then
  redis.call('HINCRBY', KEYS[1], 'queued', -size)
elseif state == 'needs-reconciliation' and redis.call('HGET', KEYS[2], 'stalledAttempt') == ARGV[1] then
  redis.call('HINCRBY', KEYS[1], 'unknown', -tonumber(redis.call('HGET', KEYS[2], 'unknownCount')))
  redis.call('HINCRBY', KEYS[1], 'chunksDone', -1)
  redis.call('SREM', KEYS[3], ARGV[3])
  redis.call('HDEL', KEYS[2], 'stalledAttempt')
else
  return 0
end
redis.call('HSET', KEYS[2], 'state', ARGV[4], 'batches', ARGV[9], 'error', ARGV[11],
  'unknownCount', ARGV[8], 'unknownPhones', ARGV[12], 'updatedAt', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'accepted', tonumber(ARGV[5]))
redis.call('HINCRBY', KEYS[1], 'failed', tonumber(ARGV[6]))
redis.call('HINCRBY', KEYS[1], 'rejected', tonumber(ARGV[7]))
redis.call('HINCRBY', KEYS[1], 'unknown', tonumber(ARGV[8]))
redis.call('HINCRBY', KEYS[1], 'batches', tonumber(ARGV[10]))
redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
if tonumber(ARGV[8]) > 0 then redis.call('SADD', KEYS[3], ARGV[3]) end
for i = 13, #ARGV, 2 do redis.call('ZADD', KEYS[4], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[2])
redis.call('PUBLISH', KEYS[5], 'chunk')
return 1
`);
