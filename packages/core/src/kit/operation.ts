/**
 * One operation of a provider as the kit runs it. Whether it may be repeated is declared
 * here, never inferred from its name: a provider's reads are idempotent, its submit is
 * not — once a submit may have reached the provider it is never sent again by us.
 */
export interface OperationSpec {
  /** For hooks, logs and error messages (the provider's endpoint name, say). */
  readonly name: string;
  /** True when repeating it is harmless (a read); false when it may send an SMS. */
  readonly idempotent: boolean;
}

/** A read: repeated under the retry policy when it fails with a retryable error. */
export function readOperation(name: string): OperationSpec {
  return { name, idempotent: true };
}

/**
 * The operation that sends: repeated only when it provably sent nothing (the connection
 * was never made, or a "too many requests" refusal); any other failure after it may have
 * left is an unknown outcome.
 */
export function sendOperation(name: string): OperationSpec {
  return { name, idempotent: false };
}
