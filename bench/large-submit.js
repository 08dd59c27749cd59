// Large submit: one submit of 10,000 numbers (≈130 KB body) through transport.send
// (normalisation + routing from a warm channel cache + serialisation) vs raw undici
// posting the same pre-built body, against a bare node:http server in another process.
// Normalisation alone is timed per 10,000 numbers, and so is the floor: the least any SDK
// that checks and deduplicates its numbers must do before posting (a syntax check and a
// dedupe-table insert per number, then the JSON body), written here without core.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createSjroomTransport, normalizePhone } from '@intl-sms/core';
import { Pool } from 'undici';
import { spawnServer } from './spawn-server.js';
import { ratio, stats } from './stats.js';

const generate = (count) =>
  Array.from({ length: count }, (_, i) => `+63917${String(i * 10 + 5).padStart(7, '0')}`);
const numbers = generate(10_000);
const E164 = /^\+[1-9]\d{5,14}$/;

/**
 * The Philippines' national number pattern from libphonenumber-js's metadata (the one
 * core depends on): the validation a client that checks numbers against their country's
 * plan does at the least, for the floor that validates.
 */
async function philippinePlan() {
  const require = createRequire(import.meta.resolve('@intl-sms/core'));
  const { Metadata } = await import(require.resolve('libphonenumber-js/min'));
  const metadata = new Metadata();
  metadata.selectNumberingPlan('PH');
  return new RegExp(`^\\+63(?:${metadata.numberingPlan.nationalNumberPattern()})$`);
}

/**
 * The floor: a syntax check and a dedupe insert per number, then the body. The dedupe is
 * the cheapest known here: the digits read into a double and a hash, in an
 * open-addressing table of typed arrays sized for the send (a `Set` of the strings costs
 * about twice as much).
 */
function floorBody(to, check = E164) {
  let capacity = 16;
  while (capacity < to.length * 2) capacity *= 2;
  const seen = new Float64Array(capacity);
  const shift = 32 - Math.log2(capacity);
  const phones = [];
  next: for (const number of to) {
    if (!check.test(number)) continue;
    const phone = number.slice(1);
    let value = 0;
    let hash = 0;
    for (let i = 0; i < phone.length; i++) {
      const digit = phone.charCodeAt(i) - 48;
      value = value * 10 + digit;
      hash = Math.imul(hash ^ digit, 0x01000193);
    }
    let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
    while (seen[slot] !== 0) {
      if (seen[slot] === value) continue next;
      slot = (slot + 1) & (capacity - 1);
    }
    seen[slot] = value;
    phones.push(phone);
  }
  return JSON.stringify({
    account: 'bench',
    password: 'bench-password',
    goodsSupplySmsConfigId: 1,
    phone: phones.join(','),
    sendContent: 'Your code is 4242',
  });
}

/** The growth figure: sends of 1,000 and 100,000 numbers beside the 10,000 of the bar. */
const GROWTH = [1_000, 100_000];

/** Runs the benchmark. */
export async function largeSubmit({ rounds = 20 } = {}) {
  const server = await spawnServer([fileURLToPath(new URL('bare-server.js', import.meta.url))]);
  const pool = new Pool(server.url);
  const sms = createSjroomTransport({
    account: 'bench',
    password: 'bench-password',
    baseUrl: server.url,
  });
  const body = JSON.stringify({
    account: 'bench',
    password: 'bench-password',
    goodsSupplySmsConfigId: 1,
    phone: numbers.map((n) => n.slice(1)).join(','),
    sendContent: 'Your code is 4242',
  });
  const raw = [];
  const sdk = [];
  const normalise = [];
  const floor = [];
  const validatingFloor = [];
  const plan = await philippinePlan();
  const growth = {};
  try {
    await sms.send({ to: numbers, text: 'warm-up' });
    for (let round = 0; round < rounds; round++) {
      let started = performance.now();
      const { body: answer } = await pool.request({
        path: '/api/open/int/sms/submit',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      JSON.parse(await answer.text());
      raw.push(performance.now() - started);
      started = performance.now();
      await sms.send({ to: numbers, text: 'Your code is 4242' });
      sdk.push(performance.now() - started);
      started = performance.now();
      for (const number of numbers) await normalizePhone(number);
      normalise.push(performance.now() - started);
      started = performance.now();
      if (floorBody(numbers).length < body.length) throw new Error('the floor lost numbers');
      floor.push(performance.now() - started);
      started = performance.now();
      if (floorBody(numbers, plan).length < body.length) throw new Error('the floor lost numbers');
      validatingFloor.push(performance.now() - started);
    }
    for (const count of GROWTH) {
      const to = generate(count);
      const samples = [];
      for (let round = 0; round < Math.max(3, Math.round(rounds / 4)); round++) {
        const started = performance.now();
        await sms.send({ to, text: 'Your code is 4242' });
        samples.push(performance.now() - started);
      }
      growth[count] = stats(samples);
    }
  } finally {
    await Promise.all([pool.close(), sms.close()]);
    await server.stop();
  }
  const result = {
    rawMs: stats(raw),
    sdkMs: stats(sdk),
    normaliseMsPer10k: stats(normalise),
    floorMs: stats(floor, 2),
    validatingFloorMs: stats(validatingFloor, 2),
  };
  growth[10_000] = result.sdkMs;
  const sendMs = Object.fromEntries(
    Object.entries(growth).sort(([a], [b]) => Number(a) - Number(b)),
  );
  const r = ratio(result.sdkMs.median, result.rawMs.median);
  return {
    name: 'large submit (10,000 numbers, ≈130 KB)',
    ...result,
    sendMsByCount: sendMs,
    ratio: r,
    bar: 'SDK time per submit ≤ 1.5× raw undici',
    met: r <= 1.5,
    floorRatio: ratio(result.rawMs.median + result.floorMs.median, result.rawMs.median),
    validatingFloorRatio: ratio(
      result.rawMs.median + result.validatingFloorMs.median,
      result.rawMs.median,
    ),
    summary: `raw undici ${result.rawMs.median} ms; transport.send ${result.sdkMs.median} ms (${r}×); the floor (syntax check + dedupe + body, no SDK) ${result.floorMs.median} ms, so raw + floor is ${ratio(result.rawMs.median + result.floorMs.median, result.rawMs.median)}×, ${ratio(result.rawMs.median + result.validatingFloorMs.median, result.rawMs.median)}× with the country's plan checked instead of the syntax (${result.validatingFloorMs.median} ms); normalising 10,000 numbers ${result.normaliseMsPer10k.median} ms; growth: ${Object.entries(
      sendMs,
    )
      .map(([count, s]) => `${Number(count).toLocaleString('en')} numbers ${s.median} ms`)
      .join(', ')}`,
  };
}
