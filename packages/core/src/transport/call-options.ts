/** Per-call options accepted by every transport and client method. */
export interface CallOptions {
  /** Aborts the call. An aborted submit whose request may have left fails as outcome-unknown. */
  readonly signal?: AbortSignal;
  /** Upper bound for this call in milliseconds, retries included. */
  readonly timeout?: number;
}
