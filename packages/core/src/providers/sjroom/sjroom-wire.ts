import { SubmitOutcomeUnknownError } from '../../errors/submit-outcome-unknown-error.js';
import { Credentials } from '../../http/credentials.js';
import { warnIfCredentialsInClear } from '../../http/insecure-transport-warning.js';
import type { SmsLogger } from '../../kit/http-settings.js';
import type { ProviderHttp } from '../../kit/provider-definition.js';
import { Decimal } from '../../money/decimal.js';
import type { Balance } from '../../transport/balance.js';
import { type AnswerReading, readSjroomAnswer } from './sjroom-answer.js';
import type { SjroomChannel, SjroomReceipt } from './sjroom-api.js';
import { schemasReady } from './sjroom-api-loader.js';
import type { SjroomEndpoint } from './sjroom-errors.js';
import { plainBalance, plainBatchNo, plainChannelList, plainReceipt } from './sjroom-fast-read.js';
import { channelIdDigits, checkBatchNo, checkContent, checkWirePhones } from './sjroom-inputs.js';
import { sjroomRequestBody } from './sjroom-request-body.js';

/** Arguments of a submit. */
export interface SjroomSubmitInput {
  /** The channel (`goodsSupplySmsConfigId`) to send through. */
  readonly channelId: number | string | bigint;
  /** 1–10 000 numbers in wire form: digits only, country code first. */
  readonly phones: readonly string[];
  /** The text, non-empty. */
  readonly content: string;
}

/** Receipts of a batch; `processing` is true when the provider answered `stateCode` `201`. */
export interface SjroomQueryResult extends SjroomReceipt {
  /** True when the provider said the batch is still being processed (every number pending). */
  readonly processing: boolean;
}

/**
 * The four sjroom endpoints as single calls through a {@link ProviderHttp}: the request
 * body (credentials in it, held so they cannot leak), the URL, and the reading of the
 * answer into a value or a typed error. Retries and the classification of failures are
 * the kit's, bound to each operation by whoever calls.
 */
export class SjroomWire {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  readonly #credentials: Credentials;
  readonly #urls: Readonly<Record<SjroomEndpoint, URL>>;
  readonly #logger: SmsLogger | undefined;
  /** The body of `list` and `balance`, which carry only the credentials. */
  readonly #credentialsOnlyBody: string;
  /** Removes the credentials from provider text before it goes into an error. */
  readonly #redact: (text: string) => string;
  #clearTextChecked = false;

  constructor(baseUrl: string, account: string, password: string, logger?: SmsLogger) {
    this.baseUrl = baseUrl;
    this.#credentials = new Credentials(account, password);
    this.#credentialsOnlyBody = sjroomRequestBody(this.#credentials);
    this.#redact = (text) => this.#credentials.redact(text);
    this.#logger = logger;
    const url = (endpoint: SjroomEndpoint) => new URL(`${baseUrl}/api/open/int/sms/${endpoint}`);
    this.#urls = {
      list: url('list'),
      submit: url('submit'),
      query: url('query'),
      balance: url('balance'),
    };
  }

  /** `POST …/list`: the channels opened for the account. */
  async list(http: ProviderHttp): Promise<SjroomChannel[]> {
    const ready = schemasReady();
    if (ready) await ready;
    const payload = await this.#post(http, this.#credentialsOnlyBody, {
      endpoint: 'list',
      schema: (api) => api.sjroomChannelListSchema,
      fast: plainChannelList,
      bareAllowed: true,
      redact: this.#redact,
    });
    return payload.kind === 'ok' ? payload.value : [];
  }

  /** `POST …/submit`: the batch number; "processing" is an unknown outcome. */
  async submit(http: ProviderHttp, input: SjroomSubmitInput): Promise<string> {
    const channelId = channelIdDigits(input?.channelId);
    const phones = checkWirePhones(input.phones);
    const content = checkContent(input.content);
    // The checked numbers are digits: their list is a JSON string as it stands (no escaping pass over 130 KB).
    const body = sjroomRequestBody(
      this.#credentials,
      { sendContent: content },
      { goodsSupplySmsConfigId: channelId, phone: `"${phones.join(',')}"` },
    );
    const ready = schemasReady();
    if (ready) await ready;
    const payload = await this.#post(http, body, {
      endpoint: 'submit',
      schema: (api) => api.sjroomBatchNoSchema,
      fast: plainBatchNo,
      bareAllowed: false,
      redact: this.#redact,
      channelId,
    });
    if (payload.kind === 'ok') return payload.value;
    throw new SubmitOutcomeUnknownError(phones, channelId, 'the provider answered "processing"', {
      evidence: 'processing',
    });
  }

  /** `POST …/query`: the receipts of a batch so far. */
  async query(http: ProviderHttp, batchNo: string): Promise<SjroomQueryResult> {
    const checked = checkBatchNo(batchNo);
    const body = sjroomRequestBody(this.#credentials, { batchNo: checked });
    const ready = schemasReady();
    if (ready) await ready;
    const payload = await this.#post(http, body, {
      endpoint: 'query',
      schema: (api) => api.sjroomReceiptSchema,
      fast: plainReceipt,
      bareAllowed: true,
      redact: this.#redact,
      batchNo: checked,
    });
    if (payload.kind === 'ok') return { ...payload.value, processing: false };
    return {
      failPhones: [],
      failedNum: 0,
      successNum: 0,
      successPhones: [],
      totalNum: 0,
      processing: true,
    };
  }

  /** `POST …/balance`: the account balance, exact. */
  async balance(http: ProviderHttp): Promise<Balance> {
    const ready = schemasReady();
    if (ready) await ready;
    const payload = await this.#post(http, this.#credentialsOnlyBody, {
      endpoint: 'balance',
      schema: (api) => api.sjroomBalanceSchema,
      fast: plainBalance,
      bareAllowed: false,
      redact: this.#redact,
    });
    const amount = payload.kind === 'ok' ? payload.value : '0';
    return { amount, value: Decimal.parse(amount) };
  }

  #post<T>(http: ProviderHttp, body: string, reading: AnswerReading<T>) {
    const url = this.#urls[reading.endpoint];
    // Once per wire: every endpoint shares the origin, and the check warns once per origin.
    if (!this.#clearTextChecked) {
      warnIfCredentialsInClear(url, this.#logger);
      this.#clearTextChecked = true;
    }
    return http.call({ url, body, read: (answer) => readSjroomAnswer(answer, reading) });
  }
}
