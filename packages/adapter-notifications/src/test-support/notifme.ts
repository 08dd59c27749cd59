import notifme from 'notifme-sdk';

/** What `NotifmeSdk#send` resolves with (it never rejects). */
export interface NotifmeResult {
  readonly status: 'success' | 'error';
  readonly channels?: { readonly sms?: { readonly id?: string; readonly providerId: string } };
  readonly errors?: { readonly sms?: string };
}

/** The part of a notifme-sdk instance the tests use. */
export interface NotifmeSender {
  send(request: object): Promise<NotifmeResult>;
}

// notifme-sdk is Babel CJS: Node's ESM import gives `{ default: NotifmeSdk }`, vitest the class.
const NotifmeSdk = ((notifme as { default?: unknown }).default ?? notifme) as new (
  options: object,
) => NotifmeSender & { logger: { innerLogger: { level: string } } };

/** A real notifme-sdk with these SMS providers and strategy (`fallback` by default). */
export function notifmeSdk(providers: readonly object[], strategy = 'fallback'): NotifmeSender {
  const sdk = new NotifmeSdk({
    channels: { sms: { multiProviderStrategy: strategy, providers: [...providers] } },
  });
  // notifme logs every provider failure through winston (a JSON line each, at `warn`).
  sdk.logger.innerLogger.level = 'error';
  return sdk;
}
