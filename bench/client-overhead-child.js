// The client side of `client-overhead.js`, in a process of its own (on the load core when
// pinned): `node client-overhead-child.js <server url> <requests> <rounds>` measures each
// contender's balance round trips/s at concurrency 64, every round in an alternating
// order, and prints the samples as JSON on its last line.
import { createSjroomTransport, SjroomClient } from '@intl-sms/core';
import { Pool } from 'undici';

const CONCURRENCY = 64;
/** `fetch` is context, not a bar, and ten times slower: it makes a fifth of the calls. */
const FETCH_SHARE = 0.2;
const CREDENTIALS = { account: 'bench', password: 'bench-password' };
const BODY = JSON.stringify(CREDENTIALS);
const [origin, requestsArg, roundsArg] = process.argv.slice(2);
const requests = Number(requestsArg);
const rounds = Number(roundsArg);

async function throughput(count, call) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < count) await call();
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const pool = new Pool(origin, { connections: CONCURRENCY });
const client = new SjroomClient({ ...CREDENTIALS, baseUrl: origin });
const transport = createSjroomTransport({ ...CREDENTIALS, baseUrl: origin });
const contenders = {
  rawUndici: async () => {
    const { body } = await pool.request({
      path: '/api/open/int/sms/balance',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    JSON.parse(await body.text());
  },
  client: () => client.balance(),
  transport: () => transport.getBalance(),
  fetch: async () => {
    const response = await fetch(`${origin}/api/open/int/sms/balance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    await response.json();
  },
};
const names = Object.keys(contenders);
const samples = Object.fromEntries(names.map((name) => [name, []]));
try {
  for (const call of Object.values(contenders)) await throughput(Math.min(2_000, requests), call); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order)
      samples[name].push(
        await throughput(name === 'fetch' ? FETCH_SHARE * requests : requests, contenders[name]),
      );
  }
} finally {
  await Promise.all([pool.close(), client.close(), transport.close()]);
}
console.log(JSON.stringify(samples));
