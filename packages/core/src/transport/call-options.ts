/** Per-call options accepted by every transport and client method. */
export interface CallOptions {
  /** Aborts the call. An aborted submit whose request may have left fails as outcome-unknown. */
  readonly signal?: AbortSignal | undefined;
  /** Upper bound for this call in milliseconds, retries included. */
  readonly timeout?: number | undefined;
}

/** Every key of {@link CallOptions}. */
export const CALL_OPTION_KEYS: readonly string[] = Object.keys({
  signal: true,
  timeout: true,
} satisfies Record<keyof CallOptions, true>);
