import type { SmsTransport } from '@intl-sms/core';
import type { FailureEntry } from '../store/campaign-store.js';
import type { RecipientChunk } from './chunk-recipients.js';

/** Splits off chunks whose destination has no enabled channel. */
export interface RouteCheck {
  /** The chunk when it can be routed; otherwise each of its recipients as a failure entry. */
  split(chunk: RecipientChunk): { chunk?: RecipientChunk; refused: FailureEntry[] };
}

/**
 * Lists the account's channels once and refuses, at enqueue time, chunks for countries
 * with no enabled channel, so they show up in the campaign at once instead of failing
 * one by one in the workers.
 */
export async function routeCheck(transport: SmsTransport): Promise<RouteCheck> {
  const enabled = new Set(
    (await transport.listChannels()).filter((c) => c.enabled).map((c) => c.countryCode),
  );
  return {
    split(chunk) {
      if (enabled.has(chunk.callingCode) || (chunk.country && enabled.has(chunk.country)))
        return { chunk, refused: [] };
      const where = `+${chunk.callingCode}${chunk.country ? ` (${chunk.country})` : ''}`;
      const reason = `no enabled channel for ${where}`;
      const refused = chunk.phones.map((phone, i): FailureEntry => {
        const index = chunk.indices[i] as number;
        return [
          index,
          JSON.stringify({ index, phone, kind: 'rejected', code: 'NO_CHANNEL', reason }),
        ];
      });
      return { refused };
    },
  };
}
