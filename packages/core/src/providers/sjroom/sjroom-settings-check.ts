import { ConfigurationError } from '../../errors/configuration-error.js';

/** Returns `baseUrl` normalised (no trailing slash), or throws if it is not an http(s) URL. */
export function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    throw new ConfigurationError('baseUrl', 'baseUrl must be an absolute http:// or https:// URL', {
      cause: error,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      'baseUrl',
      `baseUrl must use http:// or https://, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(
      'baseUrl',
      'baseUrl must not contain credentials; pass account and password',
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Throws a ConfigurationError naming the setting when account or password is missing. */
export function checkCredentials(
  account: unknown,
  password: unknown,
): { account: string; password: string } {
  if (typeof account !== 'string' || account === '') {
    throw new ConfigurationError(
      'account',
      'No sjroom account: pass `account` or set SJROOM_ACCOUNT',
    );
  }
  if (typeof password !== 'string' || password === '') {
    throw new ConfigurationError(
      'password',
      'No sjroom password: pass `password` or set SJROOM_PASSWORD',
    );
  }
  return { account, password };
}
