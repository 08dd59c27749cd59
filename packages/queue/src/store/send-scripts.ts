import { BOOK_BUDGET_LUA, CLAIM_BUDGET_LUA, HOLD_LUA, STOP_BUDGET_LUA } from './budget-lua.js';
import { DECIMAL_LUA } from './decimal-lua.js';
import { LuaScript } from './lua-script.js';

/**
 * Lua: how many replicas this Redis has connected, so the caller knows whether to wait
 * for them to hold a write before relying on it (see `ReplicaSync`).
 */
const REPLICAS = `
local function replicas()
  return tonumber(string.match(redis.call('INFO', 'replication'), 'connected_slaves:(%d+)') or '0')
end
`;

/**
 * Lua: the numbers (and positions) the claimed chunk (KEYS[2]) must send: those queued
 * again by a reconciliation `resend` when there are, else the chunk's own; and `go()`,
 * the claim's reply for a chunk now `submitting`.
 */
const TO_SEND = `
local function toSend()
  local f = redis.call('HMGET', KEYS[2], 'text', 'channelId', 'phones', 'indices', 'resendPhones', 'resendIndices')
  if f[5] and f[5] ~= '' then return {f[1], f[2], f[5], f[6]} end
  return {f[1], f[2], f[3], f[4]}
end
local function go()
  local f = toSend()
  local retry = redis.call('HMGET', KEYS[1], 'attempts', 'retryDelayMs')
  local cap = ''
  if (redis.call('HGET', KEYS[1], 'maxCost') or '') ~= '' then
    cap = redis.call('HGET', KEYS[2], 'estimate') or ''
  end
  return {'go', replicas(), f[1], f[2], f[3], f[4], redis.call('HGET', KEYS[2], 'tries') or '0',
    retry[1] or '', retry[2] or '', redis.call('HGET', KEYS[1], 'smartEncoding') or '', cap}
end
`;

/**
 * Takes chunk n for one submit attempt. Returns:
 * - `{'go', replicas, text, channelId, phones, indices, tries, attempts, retryDelayMs,
 *   smartEncoding, maxCost}`: the chunk is now `submitting` under this attempt (also when
 *   this same attempt asks again after a lost reply); `tries` failed before, the campaign
 *   allows `attempts`; `smartEncoding` is the campaign's (`1`, `0`, or `''` for the
 *   transport's); `maxCost` is the estimate this claim committed when the campaign has a
 *   cap (`''` without one): the submit is sent with it as its own `maxCost`, so nothing
 *   dearer than what was committed (a re-route to a dearer channel, a price risen since
 *   the estimate) can leave;
 * - `{'estimate', text, channelId, phones, indices, generation, smartEncoding,
 *   retryDelayMs}`: the campaign has a `maxCost` and this call brought no estimate of
 *   this chunk (or one of an earlier generation of it): estimate what these numbers cost
 *   and ask again with it; nothing changed;
 * - `{'budget', reason}`: the chunk's estimate would take the campaign's committed cost
 *   over its `maxCost` (or its price is unknown, or the campaign stopped for its budget
 *   already): the chunk is now `budget`, never submitted, until the cap is raised;
 * - `{'paused'}`: the campaign is paused, nothing changed;
 * - `{'cancelled'}`: the campaign was cancelled, the chunk is now cancelled;
 * - `{'reconcile'}`: an earlier attempt began submitting and never recorded an outcome
 *   (its worker died or lost its lock): the submit may have been sent, so it is never
 *   repeated; the chunk now needs reconciliation;
 * - `{'done', state}` or `{'missing'}`: nothing to do.
 * With a `maxCost`, the check and the commit are this one script: committed + estimate ≤
 * maxCost, else refused; so workers racing for the last of a budget cannot both get it.
 * KEYS: campaign, chunk, reconcile set, events, reconciling campaigns set.
 * ARGV: attempt id, now, n, campaign id, estimate (decimal, `unknown`, or `''` for none),
 *   generation it was made for, why the price is unknown.
 */
export const claimChunk =
  new LuaScript(`${REPLICAS}${TO_SEND}${DECIMAL_LUA}${HOLD_LUA}${STOP_BUDGET_LUA}${BOOK_BUDGET_LUA}${CLAIM_BUDGET_LUA}
if redis.call('EXISTS', KEYS[2]) == 0 or redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
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
  local refused = commitEstimate(size)
  if refused then return refused end
  redis.call('HSET', KEYS[2], 'state', 'submitting', 'attempt', ARGV[1], 'updatedAt', ARGV[2])
  return go()
end
if state == 'submitting' and redis.call('HGET', KEYS[2], 'attempt') == ARGV[1] then
  -- This very attempt claimed it but lost the reply (Redis went away and the client sent
  -- the call again): it has not submitted anything yet, so it may go on.
  return go()
end
if state == 'submitting' then
  local f = toSend()
  redis.call('HSET', KEYS[2], 'state', 'needs-reconciliation',
    'stalledAttempt', redis.call('HGET', KEYS[2], 'attempt'),
    'unknownCount', size, 'unknownPhones', f[3],
    'error', 'the worker stopped while its submit was in flight', 'updatedAt', ARGV[2])
  redis.call('HINCRBY', KEYS[1], 'queued', -size)
  redis.call('HINCRBY', KEYS[1], 'unknown', size)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('SADD', KEYS[5], ARGV[4])
  redis.call('PUBLISH', KEYS[4], 'chunk')
  return {'reconcile'}
end
return {'done', state}
`);

/**
 * Gives chunk n back after an attempt that certainly sent nothing (connection refused,
 * rate limited, a claim its replicas did not confirm), so a later attempt may submit it;
 * counts the try against the campaign's `attempts` when ARGV[3] is 1 (a provider's 429
 * is not counted: it only says "later"). Nothing was sent, so the estimate the claim
 * committed against the campaign's budget is released (the next claim commits anew).
 * KEYS: campaign, chunk. ARGV: attempt id, now, count the try (1/0).
 */
export const releaseChunk = new LuaScript(`${DECIMAL_LUA}${HOLD_LUA}
if redis.call('HGET', KEYS[2], 'state') ~= 'submitting' then return 0 end
if redis.call('HGET', KEYS[2], 'attempt') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], 'state', 'queued', 'updatedAt', ARGV[2])
if ARGV[3] == '1' then redis.call('HINCRBY', KEYS[2], 'tries', 1) end
hold(redis.call('HGET', KEYS[2], 'cost') or '0')
return 1
`);

/**
 * Records what the submit of chunk n did. Also accepted when another worker already
 * gave this attempt up as unknown (it stalled while Redis was away): the outcome is the
 * truth and replaces the guess. Batches are added to those of earlier submits of the
 * chunk (a reconciliation resend keeps the first submit's batches). A worker that does
 * not poll receipts records its batches as final at once, their recipients `untracked`.
 * Returns 0 for an attempt that no longer owns the chunk.
 * Cost: the accepted batches' exact cost is added to the chunk's and the campaign's
 * `totalCost`; the chunk's hold on the committed cost becomes that actual cost, except
 * while some of its numbers have an unknown outcome: then it keeps the estimate its
 * claim committed (they may have been sent and billed). The worker sends a capped chunk
 * with its estimate as the send's `maxCost`, so its cost cannot pass its hold; should it
 * still (a transport that ignores `maxCost`), the campaign is stopped at its budget with
 * the reason, so `budget.exceeded` says so and no later chunk is claimed; likewise when
 * the committed cost ends above `maxCost` (a cap lowered while the chunk was out).
 * KEYS: campaign, chunk, reconcile set, failures, events, reconciling campaigns set.
 * ARGV: attempt, now, n, new state, accepted, failed, rejected, unknown, batches JSON,
 *   batch count, error, unknown phones, receipts polled (1/0), campaign id, accepted
 *   cost (decimal), each batch's cost (comma-separated, `''` when none), then failure
 *   score/member pairs.
 */
export const recordSubmit = new LuaScript(`${DECIMAL_LUA}${HOLD_LUA}${STOP_BUDGET_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
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
local batches = ARGV[9]
local before = redis.call('HGET', KEYS[2], 'batches')
if before and before ~= '' and before ~= '[]' then
  if batches == '[]' then batches = before else batches = string.sub(before, 1, -2) .. ',' .. string.sub(batches, 2) end
end
-- Each batch's cost, in the order of 'batches', in a field of its own: in the batches JSON
-- it would pass Redis's 64-byte listpack value limit and double the chunk's memory.
-- One entry per batch, '' for a batch whose price was unknown.
local batchCosts = ARGV[16]
local hadBatches = before and before ~= '' and before ~= '[]'
if hadBatches then
  local costsBefore = redis.call('HGET', KEYS[2], 'batchCosts') or ''
  if tonumber(ARGV[10]) > 0 then batchCosts = costsBefore .. ',' .. batchCosts else batchCosts = costsBefore end
end
if hadBatches or tonumber(ARGV[10]) > 0 then redis.call('HSET', KEYS[2], 'batchCosts', batchCosts) end
redis.call('HSET', KEYS[2], 'state', ARGV[4], 'batches', batches, 'error', ARGV[11],
  'unknownCount', ARGV[8], 'unknownPhones', ARGV[12], 'updatedAt', ARGV[2])
redis.call('HDEL', KEYS[2], 'resendPhones', 'resendIndices')
local cost = decAdd(redis.call('HGET', KEYS[2], 'cost') or '0', ARGV[15])
redis.call('HSET', KEYS[2], 'cost', cost)
redis.call('HSET', KEYS[1], 'totalCost', decAdd(redis.call('HGET', KEYS[1], 'totalCost') or '0', ARGV[15]))
local held = redis.call('HGET', KEYS[2], 'held') or '0'
if tonumber(ARGV[8]) == 0 then hold(cost)
elseif decCmp(cost, held) > 0 then hold(cost) end
local cap = redis.call('HGET', KEYS[1], 'maxCost') or ''
if cap ~= '' then
  local committed = redis.call('HGET', KEYS[1], 'committed') or '0'
  local estimate = redis.call('HGET', KEYS[2], 'estimate') or ''
  if estimate ~= '' and decCmp(cost, held) > 0 then
    stopForBudget('chunk ' .. ARGV[3] .. ' cost ' .. cost .. ', more than the ' .. held ..
      ' its claim committed (' .. committed .. ' committed, maxCost ' .. cap .. ')')
  elseif decCmp(committed, cap) > 0 then
    stopForBudget(committed .. ' committed, over maxCost ' .. cap)
  end
end
local accepted = tonumber(ARGV[5])
redis.call('HINCRBY', KEYS[1], 'accepted', accepted)
redis.call('HINCRBY', KEYS[1], 'failed', tonumber(ARGV[6]))
redis.call('HINCRBY', KEYS[1], 'rejected', tonumber(ARGV[7]))
redis.call('HINCRBY', KEYS[1], 'unknown', tonumber(ARGV[8]))
redis.call('HINCRBY', KEYS[1], 'batches', tonumber(ARGV[10]))
if ARGV[13] == '0' then
  redis.call('HINCRBY', KEYS[1], 'batchesFinal', tonumber(ARGV[10]))
  redis.call('HINCRBY', KEYS[1], 'untracked', accepted)
  if tonumber(ARGV[10]) > 0 then redis.call('HSET', KEYS[2], 'untracked', '1') end
end
redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
if tonumber(ARGV[8]) > 0 then
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('SADD', KEYS[6], ARGV[14])
elseif redis.call('SCARD', KEYS[3]) == 0 then
  redis.call('SREM', KEYS[6], ARGV[14])
end
for i = 17, #ARGV, 2 do redis.call('ZADD', KEYS[4], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[2])
redis.call('PUBLISH', KEYS[5], 'chunk')
return 1
`);
