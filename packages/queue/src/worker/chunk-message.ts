import type { SmsMessage } from '@intl-sms/core';

/** What of a claimed chunk makes its message. */
export interface ChunkToSend {
  readonly text: string;
  readonly channelId: string;
  readonly phones: readonly string[];
  /** The campaign's `smartEncoding`; undefined leaves it to the transport's setting. */
  readonly smartEncoding: boolean | undefined;
}

/** The message a chunk is submitted (and estimated) as: both must be the same send. */
export function chunkMessage(chunk: ChunkToSend): SmsMessage {
  return {
    // Stored numbers are wire digits: the `+` keeps a transport's `defaultCountry`
    // from reading them as national numbers of its own country.
    to: chunk.phones.map((phone) => `+${phone}`),
    text: chunk.text,
    onInvalid: 'skip',
    // The enqueue checked the numbers with the campaign's `phoneValidation`; a worker
    // must not refuse what it accepted ('possible' is the looser of the two checks).
    phoneValidation: 'possible',
    ...(chunk.channelId === '' ? {} : { channelId: channelIdOf(chunk.channelId) }),
    ...(chunk.smartEncoding === undefined ? {} : { smartEncoding: chunk.smartEncoding }),
  };
}

/** Channel ids are stored as strings; numbers go back as numbers when they are safe. */
function channelIdOf(stored: string): string | number {
  const value = Number(stored);
  return Number.isSafeInteger(value) ? value : stored;
}
