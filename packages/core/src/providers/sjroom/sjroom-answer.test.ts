import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { UnexpectedResponseError } from '../../errors/index.js';
import { mockedClient } from '../../test-support/mock-agent.js';

/** Everything `inspect` and the cause chain show of an error. */
function everything(error: unknown): string {
  const parts = [inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  for (let current = error; current instanceof Error; current = current.cause)
    parts.push(current.message, current.stack ?? '');
  return parts.join('\n');
}

describe('an unreadable answer never carries the body in its cause', () => {
  let current: ReturnType<typeof mockedClient>;
  afterEach(async () => {
    await current.agent.close();
  });

  // V8's SyntaxError quotes the start of the text it could not parse: for a short body
  // that echoes the request, that is the password itself.
  it.each([
    ['a short form echo', 200, (pw: string) => `account=acct&password=${pw}`],
    ['a JSON echo with trailing text', 200, (pw: string) => `{"password":"${pw}"} ok`],
    ['an HTML error page', 403, (pw: string) => `<b>denied</b> ${pw}`],
  ])('%s (HTTP %i)', async (_name, status, body) => {
    const password = 'Zq8-canary';
    current = mockedClient({ password, retry: false });
    current.intercept('balance').reply(status, body(password));
    const error = await current.client.balance().catch((e: unknown) => e);
    expect(UnexpectedResponseError.isInstance(error)).toBe(true);
    expect(everything(error)).not.toContain(password);
    const cause = (error as Error).cause as Error;
    expect(cause).toBeInstanceOf(SyntaxError);
    expect(cause.message).toMatch(
      /^the body .* at position \d+ \(line 1, column \d+\) of \d+ characters$/,
    );
  });

  it('says where parsing stopped: a cut-off body ends before the value is complete', async () => {
    current = mockedClient({ retry: false });
    current.intercept('balance').reply(200, '{"stateCode":"200","data":"1.00"');
    const error = await current.client.balance().catch((e: unknown) => e);
    expect(((error as Error).cause as Error).message).toBe(
      'the body ends before the JSON value is complete at position 32 (line 1, column 33) of 32 characters',
    );
  });

  it('masks a 1–2 character password echoed in the body snippet and everywhere else', async () => {
    current = mockedClient({ account: 'Qj', password: 'W7', retry: false });
    current.intercept('list').reply(200, '{"account":"Qj","password":"W7"} <- your request');
    const error = await current.client.listChannels().catch((e: unknown) => e);
    expect((error as UnexpectedResponseError).bodySnippet).toBe(
      '{"account":"***","password":"***"} <- your request',
    );
    expect(everything(error)).not.toMatch(/Qj|W7/);
  });

  it('masks a password cut in two by the redaction window', async () => {
    const password = 'canary-'.repeat(400);
    current = mockedClient({ password, retry: false });
    // Masks shrink the window by more than a quarter, so a password cut by its end
    // could be shown: the whole body is redacted instead.
    const body = `not json ${password.repeat(30)}`;
    current.intercept('list').reply(200, body);
    const error = await current.client.listChannels().catch((e: unknown) => e);
    expect((error as UnexpectedResponseError).bodySnippet).toMatch(/^not json (\*\*\*)+$/);
  });
});
