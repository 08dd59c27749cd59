import { type BulkRecipient, type BulkSource, ValidationError } from '@intl-sms/core';

/** The recipients again, as one async iterable, and a way to let go of the source unread. */
export interface CheckedSource {
  readonly recipients: AsyncIterable<BulkRecipient>;
  /** Ends the source (closes a stream) when the campaign turns out to need none of it. */
  release(): Promise<void>;
}

/** Whether a recipient brings its own text (`{ to, text }` with a non-empty string). */
export function ownText(recipient: unknown): string | undefined {
  if (typeof recipient !== 'object' || recipient === null) return undefined;
  const { text } = recipient as { text?: unknown };
  return typeof text === 'string' && text.length > 0 ? text : undefined;
}

/**
 * Without a campaign `text`, reads ahead until a recipient with its own text shows up,
 * and refuses the campaign with a `ValidationError` naming `text` when none does before
 * the source ends or `limit` recipients were read — before anything is stored, instead
 * of a campaign whose every recipient fails. What was read ahead is replayed, so the
 * source is still read exactly once. Later recipients without a text are the
 * chunker's business: each becomes a failure with code `NO_TEXT`.
 */
export async function requireSomeText(source: BulkSource, limit: number): Promise<CheckedSource> {
  const iterator = iteratorOf(source);
  const ahead: BulkRecipient[] = [];
  let found = false;
  try {
    while (!found && ahead.length < limit) {
      const next = await iterator.next();
      if (next.done) break;
      ahead.push(next.value);
      found = ownText(next.value) !== undefined;
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  if (!found) {
    await iterator.return?.();
    const which =
      ahead.length === limit ? `none of the first ${limit} recipients has` : 'no recipient has';
    throw new ValidationError(
      'text',
      `text is required: no campaign text was given and ${which} a text of its own; pass text (one text for all), or { to, text } for each recipient`,
    );
  }
  async function* replay(): AsyncGenerator<BulkRecipient> {
    let ended = false;
    try {
      yield* ahead.splice(0);
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield next.value;
      ended = true;
    } finally {
      // The reader stopped early (an error): let go of the source, as `for await` would.
      if (!ended) await iterator.return?.();
    }
  }
  return {
    recipients: replay(),
    release: async () => {
      await iterator.return?.();
    },
  };
}

/**
 * The recipients as read by the chunker: as given when the campaign has a `text`, else
 * checked by {@link requireSomeText}.
 */
export async function readableSource(
  recipients: BulkSource,
  text: string | undefined,
  limit: number,
): Promise<CheckedSource> {
  if (text === undefined) return requireSomeText(recipients, limit);
  const all = async function* () {
    yield* recipients;
  };
  return { recipients: all(), release: async () => {} };
}

function iteratorOf(source: BulkSource): AsyncIterator<BulkRecipient> | Iterator<BulkRecipient> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return (source as Iterable<BulkRecipient>)[Symbol.iterator]();
}
