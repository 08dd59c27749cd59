import { testSmsTransport } from './conformance.js';
import { FakeTransport } from './fake-transport.js';

testSmsTransport({ name: 'FakeTransport', create: () => ({ transport: new FakeTransport() }) });
