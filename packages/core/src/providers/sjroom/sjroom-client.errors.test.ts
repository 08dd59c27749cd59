import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BatchNotFoundError,
  ChannelUnavailableError,
  InsufficientBalanceError,
  ProviderError,
  RateLimitError,
  SmsError,
  SubmitOutcomeUnknownError,
  UnexpectedResponseError,
  ValidationError,
} from '../../errors/index.js';
import { mockedClient } from '../../test-support/mock-agent.js';

const fail = (stateCode: string, stateMsg: string) => ({ stateCode, stateMsg, data: null });
const submitInput = { channelId: 10001, phones: ['639171234567'], content: 'hello' };

let current: ReturnType<typeof mockedClient>;
afterEach(async () => {
  await current.agent.close();
});

describe('SjroomClient business errors', () => {
  it.each([
    ['400', '[phone:not a number]', ValidationError, { field: 'phone', retryable: false }],
    ['413', '[phone:10001 numbers]', ValidationError, { field: 'phone' }],
    ['401', 'bad credentials', AuthenticationError, { code: 'AUTHENTICATION_FAILED' }],
    ['402', 'balance too low', InsufficientBalanceError, { code: 'INSUFFICIENT_BALANCE' }],
    ['403', 'channel closed', ChannelUnavailableError, { channelId: '10001' }],
    ['429', 'slow down', RateLimitError, { retryable: true }],
  ] as const)(
    'maps stateCode %s on submit to a refusal',
    async (stateCode, stateMsg, type, fields) => {
      current = mockedClient({ retry: false });
      current.intercept('submit').reply(200, fail(stateCode, stateMsg));
      const error = await current.client.submit(submitInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(SmsError.isInstance(error)).toBe(true);
      expect(error).toMatchObject(fields);
    },
  );

  // The vendor's Spring exception handler can answer 500 after the SMS left; an unknown
  // code proves nothing either. Both are outcome-unknown on submit (decided 2026-12-01).
  it.each([
    ['500', 'NullPointerException'],
    ['COM00101', 'business rule'],
    ['404', 'not found'],
  ])(
    'treats stateCode %s on submit as an unknown outcome, never retried',
    async (stateCode, stateMsg) => {
      current = mockedClient();
      current.intercept('submit').reply(200, fail(stateCode, stateMsg));
      const error = await current.client.submit(submitInput).catch((e: unknown) => e);
      expect(SubmitOutcomeUnknownError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ evidence: 'provider-error', phones: ['639171234567'] });
      expect((error as Error).cause).toBeInstanceOf(ProviderError);
      expect((error as Error).cause).toMatchObject({ stateCode, stateMsg });
    },
  );

  it('reads a balance in exponent form exactly, and refuses one that is not a number with a typed error', async () => {
    current = mockedClient();
    current
      .intercept('balance')
      .reply(200, '{"stateCode":"200","stateMsg":"ok","data":"1.0245E+3"}');
    expect((await current.client.balance()).amount).toBe('1024.5');
    current.intercept('balance').reply(200, '{"stateCode":"200","stateMsg":"ok","data":1e21}');
    expect((await current.client.balance()).amount).toBe('1000000000000000000000');
    current.intercept('balance').reply(200, '{"stateCode":"200","stateMsg":"ok","data":"1e99999"}');
    await expect(current.client.balance()).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it('never rounds a batch number or channel id written in exponent or fraction form', async () => {
    current = mockedClient();
    current
      .intercept('submit')
      .reply(200, '{"stateCode":"200","stateMsg":"ok","data":1.2345678901234567891E19}');
    expect(await current.client.submit(submitInput)).toBe('12345678901234567891');
    current
      .intercept('list')
      .reply(
        200,
        '[{"goodsSupplySmsConfigId":9007199254740993.0,"countryCode":"63","countryOperator":"x","customerPrice":0.01,"nameEn":"PH","nameZh":"PH","status":1}]',
      );
    const [channel] = await current.client.listChannels();
    expect(channel?.goodsSupplySmsConfigId).toBe('9007199254740993');
  });

  it('reads an error envelope without data (Jackson NON_NULL) as the error it names', async () => {
    current = mockedClient();
    current.intercept('balance').reply(200, { stateCode: '401', stateMsg: 'bad credentials' });
    await expect(current.client.balance()).rejects.toBeInstanceOf(AuthenticationError);
    current.intercept('list').reply(200, { stateCode: '500', stateMsg: 'boom' });
    current.intercept('list').reply(200, []);
    await expect(current.client.listChannels()).resolves.toEqual([]);
    current.intercept('submit').reply(200, { stateCode: '403', stateMsg: 'closed' });
    await expect(current.client.submit(submitInput)).rejects.toBeInstanceOf(
      ChannelUnavailableError,
    );
  });

  it('maps 404 on query to BatchNotFoundError with the batch number', async () => {
    current = mockedClient();
    current.intercept('query').reply(200, fail('404', 'unknown batch'));
    await expect(current.client.query('B404')).rejects.toBeInstanceOf(BatchNotFoundError);
  });

  it('reads failures that arrive with an HTTP error status but a sjroom envelope', async () => {
    current = mockedClient();
    current.intercept('balance').reply(401, fail('401', 'no'));
    await expect(current.client.balance()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('marks stateCode 500 on a read as retryable, and retries it', async () => {
    current = mockedClient();
    current.intercept('balance').reply(200, fail('500', 'boom'));
    current.intercept('balance').reply(200, { stateCode: '200', stateMsg: 'ok', data: '5.00' });
    expect((await current.client.balance()).amount).toBe('5.00');
  });
});

describe('SjroomClient unexpected answers', () => {
  it.each([
    [
      'an HTML error page',
      200,
      '<html><body>502 Bad Gateway</body></html>',
      'the body is not JSON',
    ],
    ['an empty body', 200, '', 'the body is empty'],
    [
      'wrong types',
      200,
      '{"stateCode":"200","stateMsg":"ok","data":{"balance":1}}',
      'the payload does not match the contract',
    ],
    ['a bare value where an envelope is due', 200, '"12.00"', 'expected a sjroom envelope'],
    ['a truncated body', 200, '{"stateCode":"200","stateMsg":"ok","da', 'the body is not JSON'],
    ['a 404 page from a proxy', 404, '<h1>Not Found</h1>', 'HTTP 404 without a sjroom envelope'],
  ])('%s on balance is an UnexpectedResponseError', async (_name, status, body, reason) => {
    current = mockedClient({ retry: false });
    current.intercept('balance').reply(status, body);
    const error = await current.client.balance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain(reason);
    expect((error as UnexpectedResponseError).bodySnippet).toBe(body.slice(0, 200));
  });

  it('wrong types in a bare list name the field', async () => {
    current = mockedClient();
    current
      .intercept('list')
      .reply(200, [
        { goodsSupplySmsConfigId: 'abc', countryCode: '63', customerPrice: 1, status: 1 },
      ]);
    await expect(current.client.listChannels()).rejects.toThrow(/at 0\.goodsSupplySmsConfigId/);
  });

  it('cuts a huge body at the size limit instead of buffering it', async () => {
    current = mockedClient({ maxResponseBytes: 1024, retry: false });
    current.intercept('list').reply(200, `[${'{"a":1},'.repeat(100_000)}{}]`);
    await expect(current.client.listChannels()).rejects.toThrow(/larger than the size limit/);
  });

  it('turns a bare HTTP 5xx into a retryable ProviderError for reads', async () => {
    current = mockedClient({ retry: false });
    current.intercept('list').reply(503, 'Service Unavailable');
    await expect(current.client.listChannels()).rejects.toMatchObject({
      statusCode: 503,
      retryable: true,
    });
  });

  it.each([
    [200, '<html>oops</html>'],
    [200, '{"stateCode":"200","sta'],
    [502, 'Bad Gateway'],
  ] as const)(
    'turns HTTP %i %j to a submit into SubmitOutcomeUnknownError',
    async (status, body) => {
      current = mockedClient();
      current.intercept('submit').reply(status, body);
      const error = await current.client.submit(submitInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
      expect(error).toMatchObject({
        phones: ['639171234567'],
        channelId: '10001',
        retryable: false,
      });
      current.agent.assertNoPendingInterceptors();
    },
  );

  it('honours Retry-After on HTTP 429 for reads', async () => {
    const delays: number[] = [];
    current = mockedClient({
      onRetry: (event) => delays.push(event.delayMs),
      retry: { maxDelayMs: 50 },
    });
    current.intercept('balance').reply(429, 'slow down', { headers: { 'retry-after': '0.02' } });
    current.intercept('balance').reply(200, { stateCode: '200', stateMsg: 'ok', data: '1.00' });
    expect((await current.client.balance()).amount).toBe('1.00');
    expect(delays).toEqual([20]);
  });
});
