import { formatAmount } from '../money/amount.js';
import { receiptStatus, type StoredBatch } from '../state/batch.js';
import { type Ucs2Report, ucs2Report } from '../text/lookalikes.js';

/** A submitted message as the inspection API shows it; the password is masked. */
export interface MessageView {
  readonly seq: number;
  readonly batchNo: string;
  readonly account: string;
  readonly channelId: string;
  readonly countryCode: string;
  readonly iso: string;
  readonly operator: string;
  readonly submittedAt: string;
  readonly text: string;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
  /**
   * For a UCS-2 message: the characters that forced UCS-2, those with no GSM-7 look-alike,
   * and, when all have one, what smart encoding would send (`smartEncoding.segments` GSM-7
   * segments). A smart-encoded send arrives as GSM-7 and has none.
   */
  readonly ucs2?: Ucs2Report;
  readonly cost: string;
  readonly recipientCount: number;
  readonly receipts: {
    readonly delivered: number;
    readonly failed: number;
    readonly pending: number;
  };
  readonly recipients?: readonly {
    readonly phone: string;
    readonly status: string;
    readonly receiptAt?: string;
  }[];
  readonly request: Record<string, unknown>;
  readonly response: Record<string, unknown>;
}

/** Builds the view of a batch at receipt-clock time `now`, with or without per-recipient detail. */
export function messageView(batch: StoredBatch, now: number, withRecipients: boolean): MessageView {
  let delivered = 0;
  let failed = 0;
  const recipients: { phone: string; status: string; receiptAt?: string }[] = [];
  for (let i = 0; i < batch.phones.length; i++) {
    const status = receiptStatus(batch, i, now);
    if (status === 'delivered') delivered++;
    else if (status === 'failed') failed++;
    if (withRecipients) {
      const phone = batch.phones[i] as string;
      const receiptAt = new Date(batch.submittedAt + (batch.receiptDelays[i] ?? 0)).toISOString();
      recipients.push(status === 'pending' ? { phone, status } : { phone, status, receiptAt });
    }
  }
  return {
    seq: batch.seq,
    batchNo: batch.batchNo,
    account: batch.account,
    channelId: batch.channel.id,
    countryCode: batch.channel.countryCode,
    iso: batch.channel.iso,
    operator: batch.channel.operator,
    submittedAt: new Date(batch.submittedAt).toISOString(),
    text: batch.content,
    encoding: batch.encoding,
    segments: batch.segments,
    ...(batch.encoding === 'UCS-2' ? { ucs2: ucs2Report(batch.content) } : {}),
    cost: formatAmount(batch.cost),
    recipientCount: batch.phones.length,
    receipts: { delivered, failed, pending: batch.phones.length - delivered - failed },
    ...(withRecipients ? { recipients } : {}),
    request: {
      account: batch.account,
      password: '********',
      goodsSupplySmsConfigId: batch.channel.id,
      phone: batch.phones.join(','),
      sendContent: batch.content,
    },
    response: { stateCode: '200', stateMsg: '成功', data: batch.batchNo },
  };
}
