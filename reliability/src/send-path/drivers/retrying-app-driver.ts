import { IntlSmsNotificationProviderService } from '@intl-sms/adapter-notifications/medusa';
import { createNovuSmsProvider } from '@intl-sms/adapter-notifications/novu';
import { BookKeeper, type Books } from '../books.js';
import type { Harness } from '../harness.js';
import type { Scenario } from '../scenario.js';
import { firstOfEachNumber } from './book-by-number.js';

/** Sends one notification; resolves with the id the framework would record. */
type SendOne = (to: string, attempt: number, key: string) => Promise<string | undefined>;

const quiet = { onIncompleteSend: () => undefined };
const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * A framework that retries a rejected notification (Medusa's event bus with
 * `attempts: 2`, a Novu bridge call retried after a 5xx): one notification per distinct
 * recipient, sent again once when it rejects. A provider that rejected after the SMS may
 * have left would send it twice.
 */
async function sendWithOneRetry(scenario: Scenario, send: SendOne): Promise<Books> {
  const keeper = new BookKeeper(scenario.recipients.length);
  const firsts = firstOfEachNumber(scenario.recipients);
  for (const [index, recipient] of scenario.recipients.entries()) {
    if (!firsts.has(index)) {
      keeper.book(index, 'duplicate');
      continue;
    }
    let id: string | undefined;
    for (let attempt = 1; attempt <= 2 && id === undefined; attempt++) {
      id = await send(recipient.input, attempt, `notification-${index}`).catch(() => undefined);
    }
    if (id === undefined) keeper.book(index, recipient.wire === undefined ? 'rejected' : 'failed');
    else keeper.book(index, id.startsWith('outcome-unknown:') ? 'unknown' : 'accepted');
  }
  return keeper.books();
}

/** Our Medusa notification provider, as the notification module calls it, with retries. */
export async function medusaSend(h: Harness, scenario: Scenario): Promise<Books> {
  const sms = h.transport(0, scenario.hooks);
  const provider = new IntlSmsNotificationProviderService(
    { logger: silentLogger as never },
    { transport: sms, ...quiet },
  );
  try {
    return await sendWithOneRetry(scenario, async (to, _attempt, key) => {
      const result = await provider.send({
        to,
        channel: 'sms',
        template: 'otp',
        content: { text: scenario.text },
        idempotency_key: key,
      } as never);
      return result.id;
    });
  } finally {
    await sms.close();
  }
}

/** Our Novu SMS provider's `sendMessage`, with retries. */
export async function novuSend(h: Harness, scenario: Scenario): Promise<Books> {
  const sms = h.transport(0, scenario.hooks);
  const provider = createNovuSmsProvider(sms, quiet);
  try {
    return await sendWithOneRetry(scenario, async (to) => {
      const result = await provider.sendMessage({ to, content: scenario.text } as never);
      return result.id;
    });
  } finally {
    await sms.close();
  }
}
