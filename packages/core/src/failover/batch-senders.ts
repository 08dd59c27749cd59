import { ValidationError } from '../errors/validation-error.js';
import type { SentBatch } from '../transport/send-result.js';
import type { SmsTransport } from '../transport/sms-transport.js';

/** How many recent batches a failover transport remembers the sender of. */
const REMEMBERED_BATCHES = 10_000;

interface Sent {
  readonly transport: SmsTransport;
  readonly recipients: readonly string[];
}

/**
 * Which transport sent which batch. Two providers may issue the same batch number, so a
 * number can have several senders; the batch's recipients then tell them apart.
 */
export class BatchSenders {
  readonly #byId = new Map<string, Sent[]>();

  /** Records the batches `transport` had accepted. */
  remember(transport: SmsTransport, batches: readonly SentBatch[]): void {
    for (const batch of batches) {
      if (!this.#byId.has(batch.id) && this.#byId.size >= REMEMBERED_BATCHES) {
        const oldest = this.#byId.keys().next().value;
        if (oldest !== undefined) this.#byId.delete(oldest);
      }
      const senders = this.#byId.get(batch.id) ?? [];
      senders.push({ transport, recipients: batch.recipients });
      this.#byId.set(batch.id, senders);
    }
  }

  /**
   * The transport that sent batch `id`, or undefined when none of ours did (as far as we
   * remember). When several did, `recipients` (wire numbers) must pick one.
   */
  senderOf(id: string, recipients: readonly string[] | undefined): SmsTransport | undefined {
    const senders = this.#byId.get(id);
    if (!senders || senders.length === 0) return undefined;
    if (senders.length === 1) return senders[0]?.transport;
    const wanted = recipients ? new Set(recipients.map((r) => r.replace(/^\+/, ''))) : undefined;
    const matching = wanted
      ? senders.filter(
          (s) => s.recipients.length === wanted.size && s.recipients.every((r) => wanted.has(r)),
        )
      : [];
    if (matching.length === 1) return matching[0]?.transport;
    throw new ValidationError(
      'recipients',
      `Batch ${id} was issued by ${senders.length} transports (${senders.map((s) => s.transport.provider).join(', ')}); pass the batch's recipients (the SentBatch to waitForDelivery, or options.recipients) to tell them apart`,
    );
  }
}
