import type { FaultRuleInput } from '@intl-sms/mock-server';

/** Steers the mock server through its inspection API, as the tests need it. */
export function mockControl(mockUrl: string) {
  const send = async (method: string, path: string, body?: unknown) => {
    // The mock refuses a change that does not say it is JSON, even without a body.
    const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${mockUrl}${path}`, init);
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  };
  return {
    /** Replaces the fault rules (an empty list clears them). */
    faults: (rules: readonly FaultRuleInput[]) => send('PUT', '/__mock/faults', rules),
    /** Forgets every submitted message. */
    clearMessages: () => send('DELETE', '/__mock/messages'),
    /** Sets the demo account's balance. */
    setBalance: (balance: string) => send('PUT', '/__mock/accounts/demo', { balance }),
    /** Adds to the demo account's balance. */
    topUp: (amount: string) => send('POST', '/__mock/accounts/demo/top-up', { amount }),
  };
}
