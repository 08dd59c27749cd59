import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The `intl-sms-mock` bin of the workspace's mock server package. */
export const MOCK_BIN = join(
  dirname(require.resolve('@intl-sms/mock-server/package.json')),
  'bin',
  'intl-sms-mock.js',
);
