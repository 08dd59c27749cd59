import { BOOK_BUDGET_LUA, HOLD_LUA, STOP_BUDGET_LUA } from './budget-lua.js';
import { DECIMAL_LUA } from './decimal-lua.js';
import { LuaScript } from './lua-script.js';

/**
 * Sets a campaign's `maxCost` (a decimal, `''` for none) and lifts its budget stop, so
 * that its chunks left unsent for the budget can be queued again (`requeueBudgetChunks`).
 * Returns how many chunk numbers the campaign has, or -1 when it does not exist.
 * KEYS: campaign, events. ARGV: max cost, now.
 */
export const setMaxCost = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[1], 'maxCost', ARGV[1], 'budgetStop', '', 'updatedAt', ARGV[2])
redis.call('PUBLISH', KEYS[2], 'budget')
local got = redis.call('HMGET', KEYS[1], 'numbered', 'chunks')
return tonumber(got[1] or got[2] or '0')
`);

/**
 * Queues again the given chunks that were left unsent for the budget, unless the campaign
 * was cancelled or stopped for its budget again meanwhile (then they stay `budget`). Each
 * gets a new generation (`resends`), so a new send job id, and its estimate is made anew
 * against the raised cap when a worker claims it. Every chunk key is passed in (Redis
 * Cluster refuses undeclared keys). Returns `{n, generation}` pairs, flat, of the chunks
 * queued, for the caller to add their jobs.
 * KEYS: campaign, events, then the chunk keys. ARGV: now, then the chunk numbers (in KEYS order).
 */
export const requeueBudgetChunks = new LuaScript(`
if redis.call('HGET', KEYS[1], 'status') == 'cancelled' then return {} end
if (redis.call('HGET', KEYS[1], 'budgetStop') or '') ~= '' then return {} end
local queued = {}
local recipients = 0
for i = 3, #KEYS do
  if redis.call('HGET', KEYS[i], 'state') == 'budget' then
    local size = tonumber(redis.call('HGET', KEYS[i], 'size'))
    local generation = redis.call('HINCRBY', KEYS[i], 'resends', 1)
    redis.call('HSET', KEYS[i], 'state', 'queued', 'error', '', 'updatedAt', ARGV[1])
    redis.call('HDEL', KEYS[i], 'estimate')
    recipients = recipients + size
    redis.call('HINCRBY', KEYS[1], 'chunksDone', -1)
    queued[#queued + 1] = ARGV[i - 1]
    queued[#queued + 1] = generation
  end
end
if recipients > 0 then
  redis.call('HINCRBY', KEYS[1], 'budget', -recipients)
  redis.call('HINCRBY', KEYS[1], 'queued', recipients)
  redis.call('HSET', KEYS[1], 'updatedAt', ARGV[1])
  redis.call('PUBLISH', KEYS[2], 'budget')
end
return queued
`);

/**
 * Books a claimed chunk whose submit the transport refused for its `maxCost` (core's
 * `BudgetExceededError`: the send's estimate at submit time, e.g. after a price rise, was
 * over the estimate the claim committed, so nothing was sent) as left unsent for the
 * budget, exactly as a claim refused for the budget: state `budget`, its numbers counted
 * as `budget`, the campaign stopped at its budget (resumed by `setCampaignMaxCost`). Its
 * hold goes back to what the chunk had accepted before (nothing of this submit was
 * billed). Also accepted when another worker already gave this attempt up as unknown
 * (it stalled while Redis was away): nothing was sent, so the truth replaces the guess.
 * Returns 1, or 0 for an attempt that no longer owns the chunk (nothing changed).
 * KEYS: campaign, chunk, reconcile set, events, reconciling campaigns set (as `claimChunk`).
 * ARGV: attempt id, now, n, campaign id, reason.
 */
export const refuseForBudget =
  new LuaScript(`${DECIMAL_LUA}${HOLD_LUA}${STOP_BUDGET_LUA}${BOOK_BUDGET_LUA}
local state = redis.call('HGET', KEYS[2], 'state')
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if state == 'needs-reconciliation' and redis.call('HGET', KEYS[2], 'stalledAttempt') == ARGV[1] then
  local unknown = tonumber(redis.call('HGET', KEYS[2], 'unknownCount') or '0')
  redis.call('HINCRBY', KEYS[1], 'unknown', -unknown)
  redis.call('HINCRBY', KEYS[1], 'queued', unknown)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', -1)
  redis.call('SREM', KEYS[3], ARGV[3])
  if redis.call('SCARD', KEYS[3]) == 0 then redis.call('SREM', KEYS[5], ARGV[4]) end
  redis.call('HDEL', KEYS[2], 'stalledAttempt')
  redis.call('HSET', KEYS[2], 'unknownCount', 0, 'unknownPhones', '')
elseif state ~= 'submitting' or redis.call('HGET', KEYS[2], 'attempt') ~= ARGV[1] then
  return 0
end
hold(redis.call('HGET', KEYS[2], 'cost') or '0')
bookBudget(tonumber(redis.call('HGET', KEYS[2], 'size')), ARGV[5])
return 1
`);
