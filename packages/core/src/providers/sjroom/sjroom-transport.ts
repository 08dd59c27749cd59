import { KitTransport } from '../../kit/kit-transport.js';
import type { SmsProviderDefinition } from '../../kit/provider-definition.js';
import type { RoutingSettings } from '../../transport/routing-settings.js';
import { internalsOf, type SjroomClient } from './sjroom-client.js';
import { sjroomProvider } from './sjroom-provider.js';

/**
 * The sjroom implementation of `SmsTransport`, built from the provider kit over a
 * {@link SjroomClient}; create it with `createSjroomTransport`.
 */
export class SjroomTransport extends KitTransport<SjroomClient> {
  constructor(client: SjroomClient, settings: RoutingSettings = {}) {
    super(
      sjroomProvider.definition as unknown as SmsProviderDefinition<never, SjroomClient>,
      client,
      internalsOf(client).http,
      settings,
    );
  }
}
