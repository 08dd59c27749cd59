import {
  ConfigurationError,
  Decimal,
  type DeliveryStatus,
  defineSmsProvider,
  deliveryReportOf,
} from '@intl-sms/core';
import { readAcme } from './acme-answers.js';
import type { AcmeResult, AcmeRoute } from './acme-api.js';

/** What the Acme provider needs besides the kit's HTTP and routing settings. */
export interface AcmeSettings {
  /** The API token. A secret: it travels in a header, never in a log or an error. */
  readonly token: string;
  /** Where the API lives, e.g. `https://api.acme-sms.test`. */
  readonly baseUrl: string;
}

/**
 * What the provider's operations share: the URLs and the auth header. The transport
 * exposes it as `transport.client`, so the token sits in a private field: `inspect`,
 * `JSON.stringify` and `String` show the base URL only. (The kit masks the header's
 * value in errors; keeping it out of sight here is the provider's part.)
 */
class AcmeClient {
  /** The API's origin. */
  readonly baseUrl: string;
  readonly #base: URL;
  readonly #headers: Readonly<Record<string, string>>;

  constructor(base: URL, token: string) {
    this.#base = base;
    this.baseUrl = base.origin;
    this.#headers = Object.freeze({ authorization: `Bearer ${token}` });
  }

  /** The URL of an API path. */
  url(path: string): URL {
    return new URL(path, this.#base);
  }

  /** The headers every call sends (the token in them). */
  get headers(): Readonly<Record<string, string>> {
    return this.#headers;
  }

  /** The base URL only. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  /** The base URL only. */
  toString(): string {
    return `AcmeClient { baseUrl: '${this.baseUrl}' }`;
  }

  /** What Node's `inspect` (and so `console.log`) shows: the base URL only. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

const STATES: Record<AcmeResult['state'], DeliveryStatus> = {
  delivered: 'delivered',
  failed: 'failed',
  queued: 'pending',
};

/**
 * The Acme provider: four operations, each one attempt over the kit's HTTP layer. The
 * kit does the rest — routing, batching, estimates, bulk sends, delivery waits, hooks,
 * retries of the reads and never a retry of a send that may have left (the send is
 * called `messages` here; the kit does not care what it is called).
 */
export const acmeProvider = defineSmsProvider<AcmeSettings, AcmeClient>({
  name: 'acme',
  maxPhonesPerSubmit: 500,
  settingKeys: ['token', 'baseUrl'],
  operationNames: {
    listChannels: 'routes',
    submit: 'messages',
    getDeliveryReport: 'receipts',
    getBalance: 'balance',
  },
  createClient(settings) {
    if (typeof settings.token !== 'string' || settings.token === '')
      throw new ConfigurationError('token', 'Acme needs its API token');
    return new AcmeClient(new URL(settings.baseUrl), settings.token);
  },
  async listChannels(client, call) {
    const body = (await call.http.call({
      url: client.url('/v1/routes'),
      body: '{}',
      headers: client.headers,
      read: (answer) => readAcme('routes', answer),
    })) as { routes: AcmeRoute[] };
    return body.routes.map((route) => ({
      id: route.id,
      countryCode: route.country,
      operator: route.operator,
      price: Decimal.parse(route.price).toString(),
      nameEn: route.country,
      nameZh: route.country,
      enabled: route.active,
    }));
  },
  async submit(client, request, call) {
    const body = (await call.http.call({
      url: client.url('/v1/messages'),
      body: JSON.stringify({ route: request.channelId, to: request.phones, body: request.text }),
      headers: client.headers,
      read: (answer) => readAcme('messages', answer),
    })) as { batch: string };
    return body.batch;
  },
  async getDeliveryReport(client, request, call) {
    const body = (await call.http.call({
      url: client.url('/v1/receipts'),
      body: JSON.stringify({ batch: request.id }),
      headers: client.headers,
      read: (answer) => readAcme('receipts', answer, request.id),
    })) as { results: AcmeResult[] };
    return deliveryReportOf(
      request.id,
      body.results.map((r) => ({ phone: r.to, status: STATES[r.state] })),
    );
  },
  async getBalance(client, call) {
    const body = (await call.http.call({
      url: client.url('/v1/balance'),
      body: '{}',
      headers: client.headers,
      read: (answer) => readAcme('balance', answer),
    })) as { credit: string };
    return { amount: body.credit, value: Decimal.parse(body.credit) };
  },
  describe: (client) => `AcmeTransport { baseUrl: '${client.baseUrl}' }`,
});
