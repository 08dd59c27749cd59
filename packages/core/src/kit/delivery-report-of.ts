import type { DeliveryReport, RecipientStatus } from '../transport/delivery-report.js';

/**
 * A delivery report from every number's status, for providers that answer per number:
 * counts delivered, failed and pending, and the batch is complete when none is pending.
 */
export function deliveryReportOf(
  id: string,
  recipients: readonly RecipientStatus[],
): DeliveryReport {
  let delivered = 0;
  let failed = 0;
  for (const { status } of recipients) {
    if (status === 'delivered') delivered++;
    else if (status === 'failed') failed++;
  }
  const pending = recipients.length - delivered - failed;
  return { id, recipients, delivered, failed, pending, complete: pending === 0 };
}
