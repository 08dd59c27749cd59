import { Decimal, type SjroomTransport } from '@intl-sms/core';
import type { QueueFixture } from './queue-fixture.js';

/** The fixture's account balance at the mock, exact. */
export async function balanceOf(fx: QueueFixture): Promise<Decimal> {
  return (await fx.transport.getBalance()).value;
}

/** What the mock's own prices make `phones` of `text` cost (the transport's estimate). */
export async function costAtMock(
  fx: QueueFixture,
  phones: readonly string[],
  text: string,
): Promise<Decimal> {
  const estimate = await (fx.transport as SjroomTransport).estimate({
    to: [...phones],
    text,
    phoneValidation: 'possible',
  });
  return Decimal.parse(estimate.totalCost);
}
