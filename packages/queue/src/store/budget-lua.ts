/**
 * Lua (after `DECIMAL_LUA`): moves the hold of the chunk (KEYS[2]) on its campaign's
 * (KEYS[1]) committed cost to `held`. The campaign's `committed` is always the sum of its
 * chunks' `held`: the estimate a claim committed, then the accepted cost once the outcome
 * is known (the estimate stays while part of it is unknown).
 */
export const HOLD_LUA = `
local function hold(held)
  local before = redis.call('HGET', KEYS[2], 'held') or '0'
  local committed = redis.call('HGET', KEYS[1], 'committed') or '0'
  redis.call('HSET', KEYS[1], 'committed', decAdd(decSub(committed, before), held))
  redis.call('HSET', KEYS[2], 'held', held)
end
`;

/**
 * Lua (KEYS[1] the campaign): `stopForBudget(reason)` marks the campaign stopped at its
 * budget (`budgetStop`, which `budget.exceeded` reports and which books every later claim
 * as left unsent); a stop already set keeps its first reason. Raising the cap lifts it.
 */
export const STOP_BUDGET_LUA = `
local function stopForBudget(reason)
  if (redis.call('HGET', KEYS[1], 'budgetStop') or '') == '' then
    redis.call('HSET', KEYS[1], 'budgetStop', reason)
  end
end
`;

/**
 * Lua (after `STOP_BUDGET_LUA`; KEYS[1] campaign, KEYS[2] chunk, KEYS[4] events and ARGV[2]
 * now, as `claimChunk` lays them out): `bookBudget(size, reason)` books the chunk as left
 * unsent for the budget (its `size` numbers move from `queued` to `budget`) and stops the
 * campaign. Returns the claim's `{'budget', reason, size}` reply.
 */
export const BOOK_BUDGET_LUA = `
local function bookBudget(size, reason)
  redis.call('HSET', KEYS[2], 'state', 'budget', 'error', reason, 'updatedAt', ARGV[2])
  redis.call('HINCRBY', KEYS[1], 'queued', -size)
  redis.call('HINCRBY', KEYS[1], 'budget', size)
  redis.call('HINCRBY', KEYS[1], 'chunksDone', 1)
  stopForBudget(reason)
  redis.call('HSET', KEYS[1], 'updatedAt', ARGV[2])
  redis.call('PUBLISH', KEYS[4], 'chunk')
  return {'budget', reason, size}
end
`;

/**
 * Lua of the claim (after `TO_SEND`, `DECIMAL_LUA`, `HOLD_LUA`, `STOP_BUDGET_LUA` and
 * `BOOK_BUDGET_LUA`; KEYS and ARGV of `claimChunk`): `commitEstimate(size)` returns nil when the chunk may go — the
 * campaign has no `maxCost`, or its estimate fits and is now committed (and kept as the
 * chunk's `estimate`, the cap its submit is sent with) — and otherwise the claim's reply:
 * `{'estimate', …}` to ask for one, or `{'budget', reason, size}` once the chunk is
 * booked as left unsent for the budget. The first chunk refused stops the campaign
 * (`budgetStop`): every later claim books its chunk too, so no smaller chunk slips in
 * after it; raising the cap lifts the stop.
 */
export const CLAIM_BUDGET_LUA = `
local function commitEstimate(size)
  local cap = redis.call('HGET', KEYS[1], 'maxCost') or ''
  if cap == '' then return nil end
  if (redis.call('HGET', KEYS[1], 'budgetStop') or '') ~= '' then
    return bookBudget(size, 'not sent: the campaign stopped at its maxCost ' .. cap)
  end
  local generation = redis.call('HGET', KEYS[2], 'resends') or '0'
  if ARGV[5] == '' or ARGV[6] ~= generation then
    local f = toSend()
    return {'estimate', f[1], f[2], f[3], f[4], generation,
      redis.call('HGET', KEYS[1], 'smartEncoding') or '', redis.call('HGET', KEYS[1], 'retryDelayMs') or ''}
  end
  if ARGV[5] == 'unknown' then
    return bookBudget(size, 'the price of chunk ' .. ARGV[3] .. ' is unknown (' .. ARGV[7] ..
      '), so maxCost ' .. cap .. ' cannot be checked')
  end
  local committed = redis.call('HGET', KEYS[1], 'committed') or '0'
  if decCmp(decAdd(committed, ARGV[5]), cap) > 0 then
    return bookBudget(size, 'chunk ' .. ARGV[3] .. ' would cost ' .. ARGV[5] .. ' on top of ' ..
      committed .. ' committed, over maxCost ' .. cap)
  end
  hold(decAdd(redis.call('HGET', KEYS[2], 'held') or '0', ARGV[5]))
  redis.call('HSET', KEYS[2], 'estimate', ARGV[5])
  return nil
end
`;
