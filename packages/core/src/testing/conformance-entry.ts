// `@intl-sms/core/testing/conformance`: the vitest suite every SmsTransport passes.
export {
  type ConformanceOptions,
  type ConformanceSubject,
  testSmsTransport,
} from './conformance.js';
