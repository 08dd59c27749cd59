/**
 * The Acme SMS API, an invented provider with an HTTP shape of its own (so that nothing
 * of sjroom's is assumed): a bearer token in a header, HTTP status codes for errors, and
 * JSON bodies:
 *
 * - `POST /v1/routes` → `{ routes: [{ id, country, operator, price, active }] }`
 * - `POST /v1/messages` `{ route, to: [...], body }` → `201 { batch }`
 * - `POST /v1/receipts` `{ batch }` → `{ results: [{ to, state }] }` (`delivered`, `failed`,
 *   `queued`)
 * - `POST /v1/balance` → `{ credit: "12.3400" }`
 *
 * Errors: `400 { error, field }`, `401`, `402`, `404` (unknown batch), `409` (route
 * closed), `429` (with `Retry-After`), `5xx`.
 */

/** A route, as `POST /v1/routes` lists it. */
export interface AcmeRoute {
  readonly id: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly operator: string;
  /** Price per segment, decimal text. */
  readonly price: string;
  readonly active: boolean;
}

/** One number's receipt, as `POST /v1/receipts` lists it. */
export interface AcmeResult {
  readonly to: string;
  readonly state: 'delivered' | 'failed' | 'queued';
}
