import { HTTP_SETTING_KEYS, type HttpSettings, type SmsLogger } from '../../kit/http-settings.js';

export type { ErrorEvent, RequestEvent, ResponseEvent } from '../../kit/http-settings.js';

/** A logger as pino and `console` both are. */
export type SjroomLogger = SmsLogger;

/** The vendor's documented base URL. */
export const SJROOM_DEFAULT_BASE_URL = 'http://api.sjroom.cn';

/**
 * Settings of a {@link SjroomClient}: the account, the base URL and the kit's HTTP
 * settings (engine, timeouts, retries, hooks). Only `account` and `password` are required.
 */
export interface SjroomClientSettings extends HttpSettings {
  /** The sjroom account name. A secret: never logged. */
  readonly account: string;
  /** The sjroom password. A secret: never logged. */
  readonly password: string;
  /** Base URL of the API, `http://` or `https://`; defaults to {@link SJROOM_DEFAULT_BASE_URL}. */
  readonly baseUrl?: string | undefined;
}

/** The keys sjroom adds to the kit's HTTP settings. */
export const SJROOM_OWN_SETTING_KEYS: readonly string[] = ['account', 'password', 'baseUrl'];

/** Every key of {@link SjroomClientSettings}. */
export const SJROOM_CLIENT_SETTING_KEYS: readonly string[] = [
  ...SJROOM_OWN_SETTING_KEYS,
  ...HTTP_SETTING_KEYS,
];
