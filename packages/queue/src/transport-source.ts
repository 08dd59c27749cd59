import {
  createSjroomTransport,
  type SjroomTransportSettings,
  type SmsTransport,
} from '@intl-sms/core';

/** Where a queue or worker gets its transport: one you made, or settings for the sjroom one. */
export interface TransportSource {
  /** A transport to use; you close it. */
  readonly transport?: SmsTransport;
  /** Settings for `createSjroomTransport`, created on first use and closed with the queue or worker. */
  readonly sjroomSettings?: SjroomTransportSettings;
}

/** Lazily resolves a {@link TransportSource}; closes the transport only if it made it. */
export class TransportHolder {
  readonly #source: TransportSource;
  #made: SmsTransport | undefined;

  constructor(source: TransportSource) {
    this.#source = source;
  }

  /** Whether a transport was given or can be made. */
  get configured(): boolean {
    return this.#source.transport !== undefined || this.#source.sjroomSettings !== undefined;
  }

  /** The transport, made on first call from `sjroomSettings` (or the environment). */
  get(): SmsTransport {
    if (this.#source.transport) return this.#source.transport;
    this.#made ??= createSjroomTransport(this.#source.sjroomSettings);
    return this.#made;
  }

  /** Closes the transport if this holder made it. */
  async close(): Promise<void> {
    await this.#made?.close();
  }
}
