import { DEMO_CREDENTIALS, startMockServer } from '@intl-sms/mock-server';
import { testSmsTransport } from '../../testing/conformance-entry.js';
import { createSjroomTransport } from './create-sjroom-transport.js';

testSmsTransport({
  name: 'sjroom against the mock server',
  create: async () => {
    const mock = await startMockServer({ receiptDelay: { minMs: 0, maxMs: 200 } });
    return {
      transport: createSjroomTransport({ ...DEMO_CREDENTIALS, baseUrl: mock.url }),
      cleanup: () => mock.close(),
    };
  },
});
