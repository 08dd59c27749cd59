import { environment } from '../../runtime/host.js';
import { ROUTING_SETTING_KEYS, type RoutingSettings } from '../../transport/routing-settings.js';
import { checkKnownKeys } from '../../validation/check-options.js';
import { SjroomClient } from './sjroom-client.js';
import { SJROOM_CLIENT_SETTING_KEYS, type SjroomClientSettings } from './sjroom-client-settings.js';
import { checkCredentials } from './sjroom-settings-check.js';
import { SjroomTransport } from './sjroom-transport.js';

/** Settings of {@link createSjroomTransport}: the client settings, with credentials optional. */
export interface SjroomTransportSettings
  extends Omit<SjroomClientSettings, 'account' | 'password'>,
    RoutingSettings {
  /** The sjroom account; defaults to `SJROOM_ACCOUNT`. */
  readonly account?: string | undefined;
  /** The sjroom password; defaults to `SJROOM_PASSWORD`. */
  readonly password?: string | undefined;
  /** Where to read `SJROOM_*` fallbacks from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** Every setting `createSjroomTransport` takes: the client's, the routing ones, and `env`. */
const TRANSPORT_SETTING_KEYS = [...SJROOM_CLIENT_SETTING_KEYS, ...ROUTING_SETTING_KEYS, 'env'];

/**
 * Creates the sjroom {@link SjroomTransport}. Missing settings fall back to
 * `SJROOM_ACCOUNT`, `SJROOM_PASSWORD` and `SJROOM_BASE_URL`; missing credentials throw a
 * `ConfigurationError` here, not at the first send.
 */
export function createSjroomTransport(settings: SjroomTransportSettings = {}): SjroomTransport {
  checkKnownKeys(settings, TRANSPORT_SETTING_KEYS, 'createSjroomTransport settings');
  const env = settings.env ?? environment();
  const { account, password } = checkCredentials(
    settings.account ?? env.SJROOM_ACCOUNT,
    settings.password ?? env.SJROOM_PASSWORD,
  );
  const baseUrl = settings.baseUrl ?? (env.SJROOM_BASE_URL || undefined);
  const clientSettings = Object.fromEntries(
    Object.entries(settings).filter(([key]) => SJROOM_CLIENT_SETTING_KEYS.includes(key)),
  );
  return new SjroomTransport(
    new SjroomClient({
      ...clientSettings,
      account,
      password,
      ...(baseUrl === undefined ? {} : { baseUrl }),
    }),
    settings,
  );
}
