import type { FastifyInstance } from 'fastify';
import { formatAmount, parseAmount } from '../money/amount.js';
import { magicOutcome } from '../state/magic-numbers.js';
import type { MockState } from '../state/mock-state.js';
import { countSegments } from '../text/segments.js';
import { EnvelopeError, ok } from '../wire/envelope.js';
import { splitPhones } from '../wire/phones.js';
import { requestSchemas } from '../wire/request-schemas.js';
import { registerSjroomRoute } from './sjroom-route.js';

/** Most numbers one submit takes. */
export const MAX_PHONES_PER_SUBMIT = 10_000;
const WIRE_NUMBER = /^\d{6,15}$/;

/**
 * `POST /api/open/int/sms/submit`: checks channel, numbers and text, charges
 * `price × segments × recipients` exactly, stores the batch and answers its number.
 * Any refusal charges nothing.
 */
export function registerSubmitRoute(
  app: FastifyInstance,
  state: MockState,
  maxContentLength: number,
): void {
  registerSjroomRoute(app, state, {
    endpoint: 'submit',
    schema: requestSchemas.submit,
    handler: ({ input, account, log }) => {
      const channelId = String(input.goodsSupplySmsConfigId);
      const channel = state.channelById.get(channelId);
      if (!channel || !account.channelIds.has(channelId)) {
        throw new EnvelopeError(
          '403',
          `[goodsSupplySmsConfigId:channel ${channelId} is not opened for this account]`,
        );
      }
      if (channel.status !== 1)
        throw new EnvelopeError('403', `[goodsSupplySmsConfigId:channel ${channelId} is disabled]`);
      if ([...input.sendContent].length > maxContentLength) {
        throw new EnvelopeError('400', `[sendContent:longer than ${maxContentLength} characters]`);
      }
      const phones = splitPhones(input.phone);
      if (phones.length === 0) throw new EnvelopeError('400', '[phone:no number given]');
      if (phones.length > MAX_PHONES_PER_SUBMIT) {
        throw new EnvelopeError(
          '413',
          `[phone:${phones.length} numbers, at most ${MAX_PHONES_PER_SUBMIT} per submit]`,
        );
      }
      phones.forEach((phone, index) => {
        if (!WIRE_NUMBER.test(phone)) {
          throw new EnvelopeError(
            '400',
            `[phone:entry ${index + 1} is not a number of 6-15 digits]`,
          );
        }
        if (!phone.startsWith(channel.countryCode)) {
          throw new EnvelopeError(
            '400',
            `[phone:${phone} is not in country +${channel.countryCode} of channel ${channelId}]`,
          );
        }
        if (magicOutcome(phone) === 'invalid')
          throw new EnvelopeError('400', `[phone:${phone} is not a valid number]`);
      });
      const count = countSegments(input.sendContent);
      const price = parseAmount(channel.price) ?? 0n;
      const cost = price * BigInt(count.segments) * BigInt(phones.length);
      if (account.balance < cost) {
        throw new EnvelopeError(
          '402',
          `[balance:${formatAmount(account.balance)} is below the cost ${formatAmount(cost)}]`,
        );
      }
      const batch = state.accept({
        account,
        channel,
        phones,
        content: input.sendContent,
        count,
        cost,
      });
      log.info(
        {
          account: account.account,
          batchNo: batch.batchNo,
          channelId,
          recipients: phones.length,
          cost: formatAmount(cost),
        },
        'submit accepted',
      );
      return ok(batch.batchNo);
    },
  });
}
