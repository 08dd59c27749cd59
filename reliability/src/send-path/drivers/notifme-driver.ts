import { createNotifmeSmsProvider } from '@intl-sms/adapter-notifications/notifme';
import notifme from 'notifme-sdk';
import { BookKeeper, type Books } from '../books.js';
import type { Harness } from '../harness.js';
import type { Scenario } from '../scenario.js';
import { firstOfEachNumber } from './book-by-number.js';

interface NotifmeResult {
  readonly status: 'success' | 'error';
  readonly channels?: { readonly sms?: { readonly id?: string } };
}

// notifme-sdk is Babel CommonJS: Node's ESM import gives `{ default: NotifmeSdk }`.
const NotifmeSdk = ((notifme as { default?: unknown }).default ?? notifme) as new (
  options: object,
) => { send(request: object): Promise<NotifmeResult>; logger: { innerLogger: { level: string } } };

/**
 * Real notifme-sdk with two of our providers (two mock accounts) under its `fallback` or
 * `roundrobin` strategy: notifme tries the next provider after any rejection, so a
 * provider that rejected after the SMS may have left would send it twice. One
 * notification per distinct recipient, as an app would send them.
 */
export async function notifmeSend(h: Harness, scenario: Scenario): Promise<Books> {
  const keeper = new BookKeeper(scenario.recipients.length);
  const transports = [h.transport(0, scenario.hooks), h.transport(1, scenario.hooks)];
  const quiet = { onIncompleteSend: () => undefined };
  const sdk = new NotifmeSdk({
    channels: {
      sms: {
        multiProviderStrategy: scenario.strategy === 'priority' ? 'fallback' : 'roundrobin',
        providers: transports.map((t, n) => createNotifmeSmsProvider(t, { ...quiet, id: `p${n}` })),
      },
    },
  });
  // notifme logs every provider failure through winston (a JSON line each, at `warn`).
  sdk.logger.innerLogger.level = 'error';
  const firsts = firstOfEachNumber(scenario.recipients);
  try {
    for (const [index, recipient] of scenario.recipients.entries()) {
      if (!firsts.has(index)) {
        keeper.book(index, 'duplicate');
        continue;
      }
      const result = await sdk.send({
        sms: { from: 'Acme', to: recipient.input, text: scenario.text },
      });
      const id = result.channels?.sms?.id;
      if (result.status !== 'success' || id === undefined)
        keeper.book(index, recipient.wire === undefined ? 'rejected' : 'failed');
      else keeper.book(index, id.startsWith('outcome-unknown:') ? 'unknown' : 'accepted');
    }
  } finally {
    await Promise.all(transports.map((t) => t.close()));
  }
  return keeper.books();
}
