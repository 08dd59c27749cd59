import type { DeliveryReport, RecipientStatus } from '../../transport/delivery-report.js';
import type { SjroomQueryResult } from './sjroom-client.js';

/**
 * Builds a delivery report from a query answer. With the batch's recipients known,
 * every number not in either receipt list is pending, and the batch is complete when
 * no number is pending.
 */
export function toDeliveryReport(
  id: string,
  result: SjroomQueryResult,
  recipients: readonly string[] | undefined,
): DeliveryReport {
  const delivered = new Set(result.successPhones);
  const failed = new Set(result.failPhones);
  const statuses: RecipientStatus[] = [];
  for (const phone of delivered) statuses.push({ phone, status: 'delivered' });
  for (const phone of failed) if (!delivered.has(phone)) statuses.push({ phone, status: 'failed' });
  let pending: number | undefined;
  if (recipients !== undefined) {
    pending = 0;
    for (const phone of new Set(recipients)) {
      if (!delivered.has(phone) && !failed.has(phone)) {
        statuses.push({ phone, status: 'pending' });
        pending++;
      }
    }
  }
  return {
    id,
    recipients: statuses,
    delivered: result.successNum,
    failed: result.failedNum,
    pending,
    complete: pending === 0 && !result.processing,
  };
}
