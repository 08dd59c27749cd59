export { buildMockServer, type MockFastifyInstance } from './build-mock-server.js';
export { loadMockConfig } from './config-file.js';
export {
  ENDPOINTS,
  type Endpoint,
  FAULT_TYPES,
  type FaultRule,
  type FaultRuleInput,
  type FaultType,
  faultRuleSchema,
  MAX_CHAIN_LINKS,
} from './faults/fault-rule.js';
export type { ListedFaultRule } from './faults/fault-set.js';
export {
  type AccountConfig,
  MOCK_DEFAULTS,
  type MockServerOptions,
  type ReceiptDelay,
} from './options.js';
export { MAX_PHONES_PER_SUBMIT } from './routes/submit-route.js';
export {
  EXPOSED_WARNING_CODE,
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './start-mock-server.js';
export {
  DEMO_ACCOUNT,
  DEMO_CREDENTIALS,
  type MockAccount,
  type PublicAccount,
} from './state/accounts.js';
export type { BatchReceipt, ReceiptStatus, StoredBatch } from './state/batch.js';
export type { BatchFilter, BatchLimits } from './state/batch-store.js';
export { DEFAULT_SEED, type MockChannel } from './state/channels.js';
export { COUNTRIES, type Country } from './state/countries.js';
export { type MagicOutcome, magicOutcome } from './state/magic-numbers.js';
export { MockState, type SubmitOrder } from './state/mock-state.js';
export { countSegments, type SegmentCount } from './text/segments.js';
