import { describe, expect, it } from 'vitest';
import * as budget from './budget-scripts.js';
import * as control from './control-scripts.js';
import * as enqueue from './enqueue-scripts.js';
import { LuaScript } from './lua-script.js';
import * as receipts from './receipt-scripts.js';
import * as send from './send-scripts.js';

/** Commands whose first argument is not a key. */
const KEYLESS = new Set(['INFO', 'PUBLISH']);

/**
 * Every Redis call of every script, with its first argument: `redis.call('HGET', KEYS[2], …)`.
 * A key built inside the script (`ARGV[1] .. n`) is what Redis Cluster (for another slot)
 * and Dragonfly (always) refuse: every key a script touches must come in KEYS.
 */
function calls(source: string): { command: string; key: string }[] {
  const found: { command: string; key: string }[] = [];
  for (const match of source.matchAll(/redis\.call\(\s*'(\w+)'\s*(?:,\s*([^,)]+))?/g))
    found.push({ command: (match[1] ?? '').toUpperCase(), key: (match[2] ?? '').trim() });
  return found;
}

describe('Lua scripts', () => {
  const scripts = Object.entries({
    ...budget,
    ...control,
    ...enqueue,
    ...receipts,
    ...send,
  }).filter((entry): entry is [string, LuaScript] => entry[1] instanceof LuaScript);

  it('are all found', () => {
    expect(scripts.map(([name]) => name).sort()).toEqual(
      [
        'addChunk',
        'addRejectedChunk',
        'cancelCampaign',
        'cancelChunks',
        'claimChunk',
        'closeEnqueue',
        'createCampaign',
        'recordReceipts',
        'recordSubmit',
        'refuseForBudget',
        'requeueBudgetChunks',
        'setMaxCost',
        'rejectRecipients',
        'releaseChunk',
        'settleChunk',
        'switchStatus',
      ].sort(),
    );
  });

  it.each(scripts)('%s touches only keys it was given in KEYS', (_, script) => {
    const undeclared = calls(script.source).filter(
      ({ command, key }) => !KEYLESS.has(command) && !/^KEYS\[(\d+|i)\]$/.test(key),
    );
    expect(undeclared).toEqual([]);
  });
});
