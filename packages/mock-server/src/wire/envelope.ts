/** The sjroom envelope. */
export interface Envelope {
  readonly stateCode: string;
  readonly stateMsg: string;
  readonly data: unknown;
}

/** A success envelope, as submit and balance answer. */
export function ok(data: unknown): Envelope {
  return { stateCode: '200', stateMsg: '成功', data };
}

/** A failure envelope with the contract's business code and a message naming the field. */
export function fail(stateCode: string, stateMsg: string): Envelope {
  return { stateCode, stateMsg, data: null };
}

/** Thrown inside a handler to answer with a failure envelope. */
export class EnvelopeError extends Error {
  readonly stateCode: string;

  constructor(stateCode: string, stateMsg: string) {
    super(stateMsg);
    this.stateCode = stateCode;
  }
}

const BIG_ID_MARK = '\u0000int64:';

/** Marks an id so {@link stringifyWithInt64} writes it as a bare JSON integer. */
export function int64(digits: string): string {
  return BIG_ID_MARK + digits;
}

/** `JSON.stringify` that writes ids marked by {@link int64} as exact JSON integers. */
export function stringifyWithInt64(value: unknown): string {
  const text = JSON.stringify(value);
  // Most answers carry no marked id: no regular expression over them then.
  return text.includes('\\u0000int64:') ? text.replace(/"\\u0000int64:(\d+)"/g, '$1') : text;
}

/** `{"stateCode":"200","stateMsg":"成功","data":`: a success envelope before its data. */
const OK_PREFIX = JSON.stringify(ok(null)).slice(0, -'null}'.length);

/**
 * `stringifyWithInt64(ok(data))` for a string `data`, with the envelope's constant part
 * serialised once (a precompiled serializer, as fast-json-stringify makes them): the
 * balance's answer, the mock's most frequent.
 */
export function stringifyOkText(data: string): string {
  return `${OK_PREFIX}${stringifyWithInt64(data)}}`;
}
