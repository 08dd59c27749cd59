// Runs the benchmarks, writes bench/results.json and the README's Performance table.
// `--smoke` runs each benchmark briefly, only to prove the scripts still work (CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { bulkMemory } from './bulk-memory.js';
import { clientOverhead } from './client-overhead.js';
import { footprint } from './footprint.js';
import { inboxPaging } from './inbox-paging.js';
import { largeSubmit } from './large-submit.js';
import { mockColdStart } from './mock-cold-start.js';
import { mockThroughput } from './mock-throughput.js';
import { memorySection, queueMemory } from './queue-memory.js';
import { queueThroughput } from './queue-throughput.js';
import { segments } from './segments.js';

const smoke = process.argv.includes('--smoke');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const results = [
  await clientOverhead(smoke ? { requests: 500, rounds: 1 } : {}),
  await largeSubmit({ rounds: smoke ? 1 : 20 }),
  await mockThroughput(smoke ? { seconds: 1, rounds: 1 } : {}),
  await inboxPaging(smoke ? { counts: [1_000, 10_000], pages: 5 } : {}),
  await mockColdStart({ runs: smoke ? 2 : 10 }),
  await bulkMemory({ counts: smoke ? [2_000] : [100_000, 1_000_000] }),
  await segments(smoke ? { iterations: 5_000, rounds: 1 } : {}),
  await queueThroughput(smoke ? { count: 10_000, rounds: 1, workerCounts: [1] } : {}),
  await queueMemory(smoke ? { count: 20_000, personalCount: 500 } : {}),
  // Footprint installs twilio and our packed tarball from the npm registry: not in the smoke run.
  ...(smoke ? [] : [await footprint()]),
];

for (const result of results) console.log(JSON.stringify(result, null, 2));
if (smoke) process.exit(0);

const root = new URL('..', import.meta.url);
writeFileSync(
  new URL('bench/results.json', root),
  `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`,
);
const table = [
  `Last run ${new Date().toISOString().slice(0, 10)} on ${machine}; reproduce with \`pnpm bench\`.`,
  '',
  '| benchmark | result | bar | met? |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.name} | ${r.summary} | ${r.bar} | ${r.met ? 'yes' : '**no**'} |`),
].join('\n');
const memory = results.find((r) => r.name.startsWith('queue Redis memory'));
const queueReadmeUrl = new URL('packages/queue/README.md', root);
writeFileSync(
  queueReadmeUrl,
  readFileSync(queueReadmeUrl, 'utf8').replace(
    /<!-- memory:start -->[\s\S]*<!-- memory:end -->/,
    `<!-- memory:start -->\n${memorySection(memory, { date: new Date().toISOString().slice(0, 10), machine })}\n<!-- memory:end -->`,
  ),
);
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
writeFileSync(
  readmeUrl,
  readme.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
  ),
);
