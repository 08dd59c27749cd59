export {
  type ConformanceOptions,
  type ConformanceSubject,
  testSmsTransport,
} from './conformance.js';
export { DEFAULT_FAKE_CHANNELS } from './fake-channels.js';
export { type FakeSubmit, FakeTransport, type FakeTransportOptions } from './fake-transport.js';
