import { ROUTING_SETTING_KEYS, type RoutingSettings } from '../transport/routing-settings.js';
import { checkKnownKeys } from '../validation/check-options.js';
import { HttpClient } from './http-client.js';
import { HTTP_SETTING_KEYS, type HttpSettings } from './http-settings.js';
import { KitTransport } from './kit-transport.js';
import type { SmsProviderDefinition } from './provider-definition.js';

/** Everything `createTransport` takes: the provider's settings, the kit's HTTP and routing ones. */
export type ProviderTransportSettings<Settings> = Settings & HttpSettings & RoutingSettings;

/** A provider made with {@link defineSmsProvider}. */
export interface SmsProvider<Settings, Client> {
  /** The provider's name. */
  readonly name: string;
  /** The definition it was made from. */
  readonly definition: SmsProviderDefinition<Settings, Client>;
  /**
   * A full `SmsTransport` over this provider: the provider's settings, plus the kit's
   * HTTP settings (`fetch`, `dispatcher`, timeouts, `retry`, hooks, `logger`) and routing
   * settings (`defaultCountry`, `channelPreferences`, …). Unknown keys are refused.
   */
  createTransport(settings: ProviderTransportSettings<Settings>): KitTransport<Client>;
}

/** Splits `settings` into the kit's HTTP ones, the routing ones and the provider's own. */
export function splitSettings<Settings>(
  settings: ProviderTransportSettings<Settings>,
  providerKeys: readonly string[],
  where: string,
): { http: HttpSettings; routing: RoutingSettings; own: Settings } {
  checkKnownKeys(settings, [...providerKeys, ...HTTP_SETTING_KEYS, ...ROUTING_SETTING_KEYS], where);
  const pick = (keys: readonly string[]) =>
    Object.fromEntries(Object.entries(settings ?? {}).filter(([key]) => keys.includes(key)));
  return {
    http: pick(HTTP_SETTING_KEYS) as HttpSettings,
    routing: pick(ROUTING_SETTING_KEYS) as RoutingSettings,
    own: pick(providerKeys) as Settings,
  };
}

/**
 * Defines an SMS provider from its four operations (see {@link SmsProviderDefinition}):
 * `defineSmsProvider({ name, maxPhonesPerSubmit, settingKeys, createClient, listChannels,
 * submit, getDeliveryReport, getBalance })`. Its `createTransport(settings)` is a full
 * `SmsTransport`, with nothing provider-specific in core's shared code.
 */
export function defineSmsProvider<Settings, Client>(
  definition: SmsProviderDefinition<Settings, Client>,
): SmsProvider<Settings, Client> {
  return {
    name: definition.name,
    definition,
    createTransport(settings) {
      const { http, routing, own } = splitSettings(
        settings,
        definition.settingKeys,
        `${definition.name} transport settings`,
      );
      const httpClient = new HttpClient(http);
      const client = definition.createClient(own, { http: httpClient });
      return new KitTransport(
        definition as unknown as SmsProviderDefinition<never, Client>,
        client,
        httpClient,
        routing,
      );
    },
  };
}
