import type { FaultRuleInput } from '@intl-sms/mock-server';
import { mockInspector } from '@intl-sms/mock-server/testing';

/** Steers the mock server (the demo account) through `@intl-sms/mock-server/testing`. */
export function mockControl(mockUrl: string) {
  const inspector = mockInspector(mockUrl);
  return {
    /** Replaces the fault rules (an empty list clears them). */
    faults: async (rules: readonly FaultRuleInput[]) => {
      await inspector.setFaults(rules);
    },
    /** Forgets every submitted message. */
    clearMessages: async () => {
      await inspector.clearMessages();
    },
    /** Sets the demo account's balance. */
    setBalance: async (balance: string) => {
      await inspector.setAccount('demo', { balance });
    },
    /** Adds to the demo account's balance. */
    topUp: async (amount: string) => {
      await inspector.topUp('demo', amount);
    },
  };
}
