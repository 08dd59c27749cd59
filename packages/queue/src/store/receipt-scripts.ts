import { LuaScript } from './lua-script.js';

/**
 * Stores the latest receipt counts of one batch and moves the campaign's delivered and
 * undelivered counters by the difference, so polling the same batch again never counts
 * a recipient twice. Failed recipients go to the failures set (idempotent). Returns -1,
 * writing nothing, when the campaign was deleted (its receipt job outlived it).
 * KEYS: campaign, batch, failures, events.
 * ARGV: delivered, failed, final (1/0), expired, size, chunk n, now, then score/member pairs.
 */
export const recordReceipts = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HGET', KEYS[2], 'final') == '1' then return 0 end
local before = redis.call('HMGET', KEYS[2], 'delivered', 'failed')
local pd = tonumber(before[1] or '0')
local pf = tonumber(before[2] or '0')
local d = math.max(tonumber(ARGV[1]), pd)
local f = math.max(tonumber(ARGV[2]), pf)
redis.call('HINCRBY', KEYS[1], 'delivered', d - pd)
redis.call('HINCRBY', KEYS[1], 'undelivered', f - pf)
redis.call('HSET', KEYS[2], 'delivered', d, 'failed', f, 'size', ARGV[5], 'chunk', ARGV[6], 'updatedAt', ARGV[7])
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[2], 'final', '1')
  redis.call('HINCRBY', KEYS[1], 'batchesFinal', 1)
  redis.call('HINCRBY', KEYS[1], 'expired', tonumber(ARGV[4]))
end
for i = 8, #ARGV, 2 do redis.call('ZADD', KEYS[3], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[7])
redis.call('PUBLISH', KEYS[4], 'receipts')
return 1
`);
