/**
 * Lua: exact arithmetic on non-negative decimal strings (`"12.50"`, `"0.0001"`, `"3"`),
 * for the campaign budget, which must be checked and added inside one script.
 *
 * Lua numbers are doubles: `0.1 + 0.2` is not `0.3`, and integers above 2^53 lose units.
 * So amounts never become Lua numbers: they stay digit strings, aligned on the longer
 * fraction, and are added, subtracted and compared digit by digit, as on paper. Any
 * scale and any size is exact. Results keep the longer fraction (`"1.50" + "2" =
 * "3.50"`), as core's `Decimal` does; the caller reads them with `Decimal.parse`.
 *
 * Inputs are what `Decimal.toString()` writes for a value ≥ 0 (digits, an optional point
 * and fraction). `decSub(a, b)` with `a < b` gives `"0"`: the committed cost never goes
 * below zero, whatever a caller passes.
 */
export const DECIMAL_LUA = `
local function decSplit(s)
  local i, f = string.match(s or '', '^(%d+)%.?(%d*)$')
  if not i then return '0', '' end
  return i, f
end
local function decAlign(a, b)
  local ai, af = decSplit(a)
  local bi, bf = decSplit(b)
  local scale = math.max(#af, #bf)
  local x = ai .. af .. string.rep('0', scale - #af)
  local y = bi .. bf .. string.rep('0', scale - #bf)
  local len = math.max(#x, #y)
  return string.rep('0', len - #x) .. x, string.rep('0', len - #y) .. y, scale
end
local function decJoin(digits, scale)
  if #digits <= scale then digits = string.rep('0', scale - #digits + 1) .. digits end
  local whole = string.gsub(string.sub(digits, 1, #digits - scale), '^0+', '')
  if whole == '' then whole = '0' end
  if scale == 0 then return whole end
  return whole .. '.' .. string.sub(digits, #digits - scale + 1)
end
local function decCmp(a, b)
  local x, y = decAlign(a, b)
  if x == y then return 0 end
  if x < y then return -1 end
  return 1
end
local function decAdd(a, b)
  local x, y, scale = decAlign(a, b)
  local out = {}
  local carry = 0
  for i = #x, 1, -1 do
    local d = string.byte(x, i) + string.byte(y, i) - 96 + carry
    carry = 0
    if d >= 10 then d = d - 10 carry = 1 end
    out[#x - i + 1] = d
  end
  local digits = {}
  if carry == 1 then digits[1] = '1' end
  for i = #out, 1, -1 do digits[#digits + 1] = tostring(out[i]) end
  return decJoin(table.concat(digits), scale)
end
local function decSub(a, b)
  local x, y, scale = decAlign(a, b)
  if x <= y then return '0' end
  local out = {}
  local borrow = 0
  for i = #x, 1, -1 do
    local d = string.byte(x, i) - string.byte(y, i) - borrow
    borrow = 0
    if d < 0 then d = d + 10 borrow = 1 end
    out[#x - i + 1] = d
  end
  local digits = {}
  for i = #out, 1, -1 do digits[#digits + 1] = tostring(out[i]) end
  return decJoin(table.concat(digits), scale)
end
`;
