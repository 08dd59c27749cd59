import type { DeliveryReport } from '@intl-sms/core';

/** The stable JSON of delivery reports, used by `send --wait`, `status` and `wait`. */
export function deliveryJson(reports: readonly DeliveryReport[], complete: boolean) {
  return {
    complete,
    batches: reports.map((report) => ({
      id: report.id,
      delivered: report.delivered,
      failed: report.failed,
      pending: report.pending ?? null,
      complete: report.complete,
      failedNumbers: report.recipients.filter((r) => r.status === 'failed').map((r) => r.phone),
      pendingNumbers: report.recipients.filter((r) => r.status === 'pending').map((r) => r.phone),
    })),
  };
}

/** Human lines for delivery reports. */
export function describeDelivery(reports: readonly DeliveryReport[], complete: boolean): string[] {
  const lines = reports.map(
    (r) =>
      `batch ${r.id}: ${r.delivered} delivered, ${r.failed} failed, ${r.pending ?? '?'} pending${r.complete ? '' : ' (not final)'}`,
  );
  for (const report of reports) {
    for (const recipient of report.recipients)
      if (recipient.status === 'failed') lines.push(`  failed: ${recipient.phone}`);
  }
  lines.push(complete ? 'all receipts are in' : 'some receipts are still pending');
  return lines;
}
