// No test runner here: FakeTransport works in any test setup (and in a demo). The vitest
// conformance suite has its own entry, `@intl-sms/core/testing/conformance`.
export { DEFAULT_FAKE_CHANNELS } from './fake-channels.js';
export { type FakeSubmit, FakeTransport, type FakeTransportOptions } from './fake-transport.js';
