import type { DeliveryReport } from '@intl-sms/core';

/**
 * The numbers still pending, or `null` when they are not known. The API's receipts list
 * only the numbers that have one; pending numbers are known only when the batch's numbers
 * are (`send --wait` sent them), while `wait BATCH:COUNT` knows how many, not which.
 */
function pendingNumbers(report: DeliveryReport): string[] | null {
  const listed = report.recipients.filter((r) => r.status === 'pending').map((r) => r.phone);
  return report.pending !== undefined && listed.length === report.pending ? listed : null;
}

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
      pendingNumbers: pendingNumbers(report),
    })),
  };
}

/** Human lines for delivery reports. */
export function describeDelivery(reports: readonly DeliveryReport[], complete: boolean): string[] {
  const lines = reports.map((r) => {
    const which =
      r.pending && pendingNumbers(r) === null ? ' (which ones the API does not say)' : '';
    return `batch ${r.id}: ${r.delivered} delivered, ${r.failed} failed, ${r.pending ?? '? (give BATCH:COUNT to count them)'} pending${which}${r.complete ? '' : ' (not final)'}`;
  });
  for (const report of reports) {
    for (const recipient of report.recipients)
      if (recipient.status !== 'delivered') lines.push(`  ${recipient.status}: ${recipient.phone}`);
  }
  lines.push(complete ? 'all receipts are in' : 'some receipts are still pending');
  return lines;
}
