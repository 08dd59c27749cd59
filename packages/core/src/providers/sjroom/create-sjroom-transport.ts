import type { RoutingSettings } from '../../transport/routing-settings.js';
import { SjroomClient } from './sjroom-client.js';
import type { SjroomClientSettings } from './sjroom-client-settings.js';
import { checkCredentials } from './sjroom-settings-check.js';
import { SjroomTransport } from './sjroom-transport.js';

/** Settings of {@link createSjroomTransport}: the client settings, with credentials optional. */
export interface SjroomTransportSettings
  extends Omit<SjroomClientSettings, 'account' | 'password'>,
    RoutingSettings {
  /** The sjroom account; defaults to `SJROOM_ACCOUNT`. */
  readonly account?: string;
  /** The sjroom password; defaults to `SJROOM_PASSWORD`. */
  readonly password?: string;
  /** Where to read `SJROOM_*` fallbacks from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Creates the sjroom {@link SjroomTransport}. Missing settings fall back to
 * `SJROOM_ACCOUNT`, `SJROOM_PASSWORD` and `SJROOM_BASE_URL`; missing credentials throw a
 * `ConfigurationError` here, not at the first send.
 */
export function createSjroomTransport(settings: SjroomTransportSettings = {}): SjroomTransport {
  const env = settings.env ?? process.env;
  const { account, password } = checkCredentials(
    settings.account ?? env.SJROOM_ACCOUNT,
    settings.password ?? env.SJROOM_PASSWORD,
  );
  const baseUrl = settings.baseUrl ?? (env.SJROOM_BASE_URL || undefined);
  const { env: _env, ...clientSettings } = settings;
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
