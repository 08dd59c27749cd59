import { HttpClient } from '../kit/http-client.js';
import { KitTransport } from '../kit/kit-transport.js';
import type { SmsProviderDefinition } from '../kit/provider-definition.js';
import {
  checkRoutingSettings,
  ROUTING_SETTING_KEYS,
  type RoutingSettings,
} from '../transport/routing-settings.js';
import { checkKnownKeys } from '../validation/check-options.js';
import { FakeAccount, type FakeAccountSettings, type FakeSubmit } from './fake-account.js';

export type { FakeSubmit } from './fake-account.js';

/** Options of {@link FakeTransport}: the fake account's, and the routing settings. */
export interface FakeTransportOptions extends RoutingSettings, FakeAccountSettings {}

/** The fake provider, defined with the kit like any other: its account is in memory. */
const fakeProvider: SmsProviderDefinition<never, FakeAccount> = {
  name: 'fake',
  maxPhonesPerSubmit: 10_000,
  settingKeys: ['channels', 'balance', 'receipt', 'autoDeliver'],
  createClient: () => {
    throw new Error('FakeTransport makes its own account');
  },
  listChannels: async (account) => account.channels(),
  submit: async (account, request) =>
    account.submit(request.channelId, request.phones, request.text),
  getDeliveryReport: async (account, request) => account.report(request.id),
  getBalance: async (account) => account.balance(),
  describe: (account) => `FakeTransport { submits: ${account.submits.length} }`,
};

/**
 * An in-memory `SmsTransport` for application tests: records every submit, charges an
 * exact balance, simulates receipts and failures. Built from the provider kit like the
 * sjroom transport, so it shares their normalisation, routing, batching, estimates, bulk
 * sends and delivery waits, and passes the same conformance suite.
 */
export class FakeTransport extends KitTransport<FakeAccount> {
  constructor(options: FakeTransportOptions = {}) {
    checkKnownKeys(
      options,
      [...ROUTING_SETTING_KEYS, ...fakeProvider.settingKeys],
      'FakeTransport options',
    );
    checkRoutingSettings(options);
    super(fakeProvider, new FakeAccount(options), new HttpClient({}), options);
  }

  /** Every accepted submit, oldest first. */
  get submits(): FakeSubmit[] {
    return this.client.submits;
  }

  /** Every number sent so far, in order. */
  get sentPhones(): string[] {
    return this.client.submits.flatMap((submit) => submit.phones);
  }

  /** Makes the next `times` submits fail with `error` (e.g. a `SubmitOutcomeUnknownError`). */
  failNext(error: Error, times = 1): void {
    this.client.failNext(error, times);
  }

  /** Lets the receipts of a batch (or of every batch) arrive, when `autoDeliver` is false. */
  deliver(batchId?: string): void {
    this.client.deliver(batchId);
  }

  /** Sets the balance. */
  setBalance(amount: string): void {
    this.client.setBalance(amount);
  }
}
