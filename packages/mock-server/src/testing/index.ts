// `@intl-sms/mock-server/testing`: what a test needs around the mock — a typed client of
// its inspection API and numbers that are not magic.

export type { MessageView } from '../inspect/message-view.js';
export {
  type AccountChanges,
  type ChannelChanges,
  type MessageFilter,
  type MessagePage,
  type MockHealth,
  type MockInspector,
  type MockInspectorOptions,
  type MockLocation,
  mockInspector,
} from './inspection-client.js';
export { philippineNumbers, testNumbers, ukNumbers } from './test-numbers.js';
