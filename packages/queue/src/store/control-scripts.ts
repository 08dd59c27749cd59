import { HOLD_LUA } from './budget-lua.js';
import { DECIMAL_LUA } from './decimal-lua.js';
import { LuaScript } from './lua-script.js';

/**
 * Moves a campaign from one status to another: `running` → `paused` and back. Returns
 * the status after the call, or nil when the campaign does not exist.
 * KEYS: campaign, events. ARGV: expected status, new status, now.
 */
export const switchStatus = new LuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return nil end
if status ~= ARGV[1] then return status end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'updatedAt', ARGV[3])
redis.call('PUBLISH', KEYS[2], 'status')
return ARGV[2]
`);

/**
 * Cancels a campaign: from now on no chunk of it is claimed (a worker that takes one
 * marks it cancelled instead). Returns how many chunk numbers it has (their queued chunks
 * are then cancelled by {@link cancelChunks}, a batch at a time), or -1 when the
 * campaign does not exist.
 * KEYS: campaign, events. ARGV: now.
 */
export const cancelCampaign = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'updatedAt', ARGV[1])
redis.call('PUBLISH', KEYS[2], 'status')
local got = redis.call('HMGET', KEYS[1], 'numbered', 'chunks')
return tonumber(got[1] or got[2] or '0')
`);

/**
 * Cancels the given chunks of a cancelled campaign that are still queued (chunks being
 * submitted finish and are recorded). Every chunk key is passed in, none is built here:
 * Redis Cluster and its look-alikes refuse scripts that touch undeclared keys. Returns
 * the recipients cancelled.
 * KEYS: campaign, events, then the chunk keys. ARGV: now.
 */
export const cancelChunks = new LuaScript(`
if redis.call('HGET', KEYS[1], 'status') ~= 'cancelled' then return 0 end
local cancelled = 0
for i = 3, #KEYS do
  if redis.call('HGET', KEYS[i], 'state') == 'queued' then
    local size = tonumber(redis.call('HGET', KEYS[i], 'size'))
    redis.call('HSET', KEYS[i], 'state', 'cancelled', 'updatedAt', ARGV[1])
    cancelled = cancelled + size
    redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
  end
end
if cancelled > 0 then
  redis.call('HINCRBY', KEYS[1], 'queued', -cancelled)
  redis.call('HINCRBY', KEYS[1], 'cancelled', cancelled)
  redis.call('PUBLISH', KEYS[2], 'status')
end
return cancelled
`);

/**
 * Settles a chunk that needs reconciliation with the caller's decision:
 * - `sent`: its unknown recipients count as accepted (no receipts will be polled), and
 *   what they cost counts in `totalCost`: the chunk's hold (the estimate its claim
 *   committed against `maxCost`) less what the chunk has accepted already, so the chunk's
 *   cost becomes its hold. It is the estimate: the provider's real debit for a submit of
 *   unknown outcome is not known here. A campaign without `maxCost` has no estimate, so
 *   nothing is added;
 * - `not-sent`: they count as failed, with the given failure entries;
 * - `resend`: the chunk becomes queued again with only those recipients (its own numbers
 *   and batches stay, so receipts of earlier batches still find their recipients), to be
 *   submitted by a new job (the caller enqueues it); the estimate it held against the
 *   campaign's budget is released, as the resend's claim commits its own. Returns the
 *   resend count.
 * `sent` and `not-sent` keep the chunk's hold on the budget: the outcome was unknown.
 * Returns -1 when the chunk does not need reconciliation.
 * KEYS: campaign, chunk, reconcile set, failures, events, reconciling campaigns set.
 * ARGV: n, decision, now, indices (resend), campaign id, then failure score/member
 *   pairs (not-sent).
 */
export const settleChunk = new LuaScript(`${DECIMAL_LUA}${HOLD_LUA}
if redis.call('HGET', KEYS[2], 'state') ~= 'needs-reconciliation' then return -1 end
local unknown = tonumber(redis.call('HGET', KEYS[2], 'unknownCount') or '0')
redis.call('HINCRBY', KEYS[1], 'unknown', -unknown)
redis.call('SREM', KEYS[3], ARGV[1])
if redis.call('SCARD', KEYS[3]) == 0 then redis.call('SREM', KEYS[6], ARGV[5]) end
redis.call('HDEL', KEYS[2], 'stalledAttempt')
local result = 0
if ARGV[2] == 'sent' then
  redis.call('HINCRBY', KEYS[1], 'accepted', unknown)
  redis.call('HINCRBY', KEYS[1], 'untracked', unknown)
  redis.call('HSET', KEYS[2], 'state', 'submitted', 'settled', 'sent')
  local cost = redis.call('HGET', KEYS[2], 'cost') or '0'
  local held = redis.call('HGET', KEYS[2], 'held') or '0'
  if decCmp(held, cost) > 0 then
    redis.call('HSET', KEYS[1], 'totalCost',
      decAdd(redis.call('HGET', KEYS[1], 'totalCost') or '0', decSub(held, cost)))
    redis.call('HSET', KEYS[2], 'cost', held)
  end
elseif ARGV[2] == 'not-sent' then
  redis.call('HINCRBY', KEYS[1], 'failed', unknown)
  redis.call('HSET', KEYS[2], 'state', 'failed', 'settled', 'not-sent')
  for i = 6, #ARGV, 2 do redis.call('ZADD', KEYS[4], ARGV[i], ARGV[i + 1]) end
else
  redis.call('HSET', KEYS[2], 'state', 'queued', 'size', unknown,
    'resendPhones', redis.call('HGET', KEYS[2], 'unknownPhones'), 'resendIndices', ARGV[4],
    'settled', 'resend')
  hold(redis.call('HGET', KEYS[2], 'cost') or '0')
  redis.call('HINCRBY', KEYS[1], 'queued', unknown)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', -1)
  result = redis.call('HINCRBY', KEYS[2], 'resends', 1)
end
redis.call('HSET', KEYS[2], 'unknownCount', 0, 'updatedAt', ARGV[3])
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[3])
redis.call('PUBLISH', KEYS[5], 'reconciled')
return result
`);
