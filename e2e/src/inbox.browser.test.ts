import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSjroomTransport, type SjroomTransport } from '@intl-sms/core';
import { DEMO_ACCOUNT, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SHOTS = new URL('../test-output/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      // A name that resolves to the mock, as a DNS-rebinding attacker's domain would.
      '--host-resolver-rules=MAP rebind.test 127.0.0.1',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

// The same journey with and without a token: with one, the browser answers the mock's
// HTTP Basic challenge (any user name, the token as password), as a person would in the
// password box, and every fetch and the event stream of the page carry it.
describe.each([
  { mode: 'without a token', token: undefined, shots: '' },
  { mode: 'with a token', token: 'e2e-Tok3n', shots: 'token-' },
])('the mock inbox in Chromium, $mode', ({ token, shots }) => {
  let mock: RunningMockServer;
  let context: BrowserContext;
  let page: Page;
  let sms: SjroomTransport;
  const consoleErrors: string[] = [];
  const authorization = token ? { authorization: `Bearer ${token}` } : {};
  /** A change through the control API, as a test harness would make it. */
  const control = (url: string, payload: object) =>
    mock.app.inject({ method: 'PUT', url, payload, headers: authorization });

  beforeAll(async () => {
    mock = await startMockServer({
      receiptDelay: { minMs: 1_000, maxMs: 2_000 },
      ...(token ? { token } : {}),
    });
    await control('/__mock/clock', { speed: 0 });
    sms = createSjroomTransport({
      account: DEMO_ACCOUNT.account,
      password: DEMO_ACCOUNT.password,
      baseUrl: mock.url,
      retry: false,
    });
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      ...(token ? { httpCredentials: { username: 'me', password: token } } : {}),
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('dialog', (dialog) => dialog.accept());
  });
  afterAll(async () => {
    await context?.close();
    await sms?.close();
    await mock?.close();
  });

  const row = (text: string) => page.locator('#rows tr', { hasText: text });

  it('serves a small page with no external asset, at / and /__mock/ui', async () => {
    const response = await page.goto(`${mock.url}/__mock/ui`);
    expect(response?.status()).toBe(200);
    const html = await response?.text();
    expect(Buffer.byteLength(html ?? '')).toBeLessThan(40_000);
    expect(html).not.toMatch(/(src|href)="https?:/);
    await page.goto(mock.url);
    await expect.poll(() => page.textContent('#live')).toBe('live');
  });

  it('shows a message sent through the core client live, without reload, and its detail', async () => {
    const result = await sms.send({
      to: ['+639171234567', '+447400123456'],
      text: 'Live 你好 from the e2e test',
    });
    await row('Live 你好').first().waitFor({ timeout: 10_000 });
    expect(await row('Live 你好').count()).toBe(2);
    await row('Live 你好').first().getByRole('button').click();
    await page.locator('#detail .bubble').waitFor();
    expect(await page.textContent('#detail .bubble')).toBe('Live 你好 from the e2e test');
    expect(await page.locator('#detail .non-gsm').allTextContents()).toEqual(['你', '好']);
    expect(await page.textContent('#detail pre')).toContain('"password": "********"');
    expect(result.batches).toHaveLength(2);
    await page.screenshot({ path: `${SHOTS}${shots}inbox-detail.png`, fullPage: true });
  });

  it('turns the receipt delivered when it arrives', async () => {
    expect(await page.locator('#recipients .pending').count()).toBe(1);
    await control('/__mock/clock', { advanceMs: 60_000 });
    await page.locator('#recipients .delivered').waitFor({ timeout: 10_000 });
    expect(await page.locator('#recipients .pending').count()).toBe(0);
  });

  it('filters by phone', async () => {
    await page.fill('input[name="phone"]', '+447400123456');
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.locator('#rows tr').count()).toBe(1);
    expect(await page.textContent('#rows')).toContain('+44');
    await page.fill('input[name="phone"]', '');
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.locator('#rows tr').count()).toBe(2);
  });

  it('marks look-alikes in a UCS-2 text and says what smart encoding would send; a smart-encoded send arrives as GSM-7', async () => {
    // 140 characters with curly quotes and an em dash: 3 UCS-2 segments, or 1 GSM-7.
    const text = `\u201cLook-alike\u201d test \u2014 ${'x'.repeat(140 - 20)}`;
    expect(text).toHaveLength(140);
    const plain = await sms.send({ to: '+639171234567', text });
    const smart = await sms.send({ to: '+639171234567', text, smartEncoding: true });
    expect([plain.encoding, plain.segments, smart.encoding, smart.segments]).toEqual([
      'UCS-2',
      3,
      'GSM-7',
      1,
    ]);
    await row('\u201cLook-alike').first().waitFor({ timeout: 10_000 });
    await row('\u201cLook-alike').first().getByRole('button').click();
    await page.locator('#detail [data-smart="yes"]').waitFor();
    expect(await page.textContent('#detail [data-smart="yes"]')).toContain(
      'smart encoding would send this as 1 GSM-7 segment(s) instead of 3',
    );
    expect(await page.locator('#detail .has-lookalike').allTextContents()).toEqual([
      '\u201c',
      '\u201d',
      '\u2014',
    ]);
    await page.screenshot({ path: `${SHOTS}${shots}inbox-lookalikes.png`, fullPage: true });
    await row('"Look-alike').first().getByRole('button').click();
    await expect
      .poll(() => page.textContent('#detail .muted'))
      .toContain('GSM-7, 1 segment(s) each');
    expect(await page.locator('#detail [data-smart]').count()).toBe(0);
    expect(await page.locator('#detail .non-gsm').count()).toBe(0);
  });

  it('toggles a fault, and the next send fails', async () => {
    await page.selectOption('select[name="endpoint"]', 'submit');
    await page.selectOption('select[name="kind"]', 'state-code:402');
    await page.click('#fault-form button[type="submit"]');
    await page.locator('#faults li', { hasText: 'state-code on submit' }).waitFor();
    await expect(sms.send({ to: '+639171234567', text: 'should fail' })).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
    });
    await page.locator('#faults li button').click();
    await page.locator('#faults li', { hasText: 'No faults' }).waitFor();
    await expect(sms.send({ to: '+639171234567', text: 'works again' })).resolves.toMatchObject({
      accepted: ['639171234567'],
    });
  });

  it('tops up a balance', async () => {
    const before = (await sms.getBalance()).value;
    await page.fill('input[aria-label="amount for demo"]', '5');
    await page.getByRole('button', { name: 'Top up' }).click();
    await expect
      .poll(async () => (await sms.getBalance()).value.subtract(before).toString())
      .toBe('5.0000');
  });

  it('asks a browser without the token for it, and shows it nothing', async () => {
    const stranger = await browser.newContext();
    const url = `${mock.url}/__mock/messages`;
    const opened = (await stranger.newPage()).goto(url);
    // Headless Chromium has no one to type the token into its password box: it gives up.
    if (token) await expect(opened).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
    else expect((await opened)?.status()).toBe(200);
    const answer = await stranger.request.get(url);
    expect(answer.status()).toBe(token ? 401 : 200);
    expect(answer.headers()['www-authenticate']).toBe(
      token ? 'Basic realm="intl-sms mock", charset="UTF-8"' : undefined,
    );
    await stranger.close();
  });

  it('refuses a page whose own name resolves to the mock (DNS rebinding)', async () => {
    const attacker = await context.newPage();
    const response = await attacker.goto(`http://rebind.test:${mock.port}/__mock/messages`);
    expect(response?.status()).toBe(403);
    expect(await response?.text()).not.toContain('batchNo');
    await attacker.close();
  });

  it('cannot be changed by a page on another site (form posts, no-cors fetches)', async () => {
    await control('/__mock/accounts/demo', { balance: '7' });
    const site = await attackerSite(mock.url);
    const attacker = await context.newPage();
    try {
      await attacker.goto(site.url);
      await attacker.waitForFunction('document.title === "done"', undefined, { timeout: 10_000 });
    } finally {
      await attacker.close();
      await new Promise((resolve) => site.server.close(resolve));
    }
    expect((await sms.getBalance()).amount).toBe('7.0000');
    expect(mock.state.accounts.get('demo')?.password).toBe(DEMO_ACCOUNT.password);
  });

  it('resets after a confirmation, and logged no console error', async () => {
    await page.click('#reset');
    await expect.poll(() => page.locator('#rows tr').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}${shots}inbox-empty.png` });
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * A page on another origin that tries every request a cross-site page can send without
 * the mock's consent: a text/plain form shaped like JSON, a no-cors POST without a body,
 * and a JSON PUT (which needs a CORS preflight the mock never grants). Sets its title to
 * `done` when all have been tried.
 */
async function attackerSite(mockUrl: string): Promise<{ url: string; server: Server }> {
  const page = `<!DOCTYPE html><title>attacker</title>
<iframe name="sink"></iframe>
<form id="f" method="POST" target="sink" enctype="text/plain" action="${mockUrl}/__mock/accounts/demo/top-up">
<input name='{"amount":"1000","x":"' value='"}'></form>
<script>
const tries = [
  fetch('${mockUrl}/__mock/reset', { method: 'POST', mode: 'no-cors' }),
  fetch('${mockUrl}/__mock/accounts/demo', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"password":"taken"}' }),
  new Promise((resolve) => { document.querySelector('iframe').onload = resolve; document.getElementById('f').submit(); }),
];
Promise.allSettled(tries).then(() => { document.title = 'done'; });
</script>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
