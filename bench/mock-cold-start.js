// Mock cold start: spawn to first successful answer, next to two floors measured in the
// same run: `node -e ""` (process start) and a bare node:http server answering the
// same balance request. Interleaved, so machine noise hits all three alike.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { MOCK_BIN } from './mock-bin.js';
import { stats } from './stats.js';

const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ stateCode: '200', stateMsg: 'ok', data: '1000.0000' }));
  });
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function timeProcessExit() {
  const started = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ['-e', '']).once('exit', resolve));
  return performance.now() - started;
}

async function timeFirstAnswer(args) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error(`${args.join(' ')} exited early`)));
  });
  const response = await fetch(`${url}/api/open/int/sms/balance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'demo', password: 'demo-password' }),
  });
  const answer = await response.json();
  const elapsed = performance.now() - started;
  if (answer.stateCode !== '200') throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

const round = (value) => Math.round(value * 10) / 10;

/** Runs the benchmark; `runs` cold starts of each, interleaved. */
export async function mockColdStart({ runs = 10 } = {}) {
  const floor = [];
  const bare = [];
  const mock = [];
  await timeFirstAnswer([MOCK_BIN, '--log-level', 'silent']); // warm the file cache
  for (let i = 0; i < runs; i++) {
    floor.push(await timeProcessExit());
    bare.push(await timeFirstAnswer(['-e', BARE_SERVER]));
    mock.push(await timeFirstAnswer([MOCK_BIN, '--log-level', 'silent']));
  }
  const result = { floor: stats(floor), bareHttp: stats(bare), mock: stats(mock) };
  const ratioToFloor = round(result.mock.median / result.floor.median);
  const ratioToBareHttp = round(result.mock.median / result.bareHttp.median);
  return {
    name: 'mock cold start (spawn → first balance answer)',
    unit: 'ms',
    ...result,
    ratioToFloor,
    ratioToBareHttp,
    bar: 'mock ≤ 2.5 × the node -e "" floor',
    met: result.mock.median <= 2.5 * result.floor.median,
    summary: `median ${result.mock.median} ms; floor \`node -e ""\` ${result.floor.median} ms (${ratioToFloor}×), bare node:http ${result.bareHttp.median} ms (${ratioToBareHttp}×)`,
  };
}
