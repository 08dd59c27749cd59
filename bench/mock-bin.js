import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnServer } from './spawn-server.js';

const require = createRequire(import.meta.url);

/** The `intl-sms-mock` bin of the workspace's mock server package. */
export const MOCK_BIN = join(
  dirname(require.resolve('@intl-sms/mock-server/package.json')),
  'bin',
  'intl-sms-mock.js',
);

/** The account every benchmark sends with. */
export const BENCH_ACCOUNT = { account: 'bench', password: 'bench-password' };

/**
 * Starts `intl-sms-mock` in its own process with the bench account (receipts immediate);
 * `cpu` pins it to a core.
 */
export async function startBenchMock({ cpu } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-mock-'));
  const config = join(dir, 'mock.json');
  await writeFile(
    config,
    JSON.stringify({ receiptDelay: 0, accounts: [{ ...BENCH_ACCOUNT, balance: '100000000' }] }),
  );
  return spawnServer([MOCK_BIN, '--config', config, '--log-level', 'silent'], { cpu });
}
