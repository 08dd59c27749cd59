import { mkdirSync } from 'node:fs';
import { createSjroomTransport, type SjroomTransport } from '@intl-sms/core';
import { DEMO_ACCOUNT, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SHOTS = new URL('../test-output/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let mock: RunningMockServer;
let browser: Browser;
let page: Page;
let sms: SjroomTransport;
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mock = await startMockServer({ receiptDelay: { minMs: 1_000, maxMs: 2_000 } });
  await mock.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { speed: 0 } });
  sms = createSjroomTransport({
    account: DEMO_ACCOUNT.account,
    password: DEMO_ACCOUNT.password,
    baseUrl: mock.url,
    retry: false,
  });
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
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('dialog', (dialog) => dialog.accept());
});
afterAll(async () => {
  await browser?.close();
  await sms?.close();
  await mock?.close();
});

const row = (text: string) => page.locator('#rows tr', { hasText: text });

describe('the mock inbox in Chromium', () => {
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
    await page.screenshot({ path: `${SHOTS}inbox-detail.png`, fullPage: true });
  });

  it('turns the receipt delivered when it arrives', async () => {
    expect(await page.locator('#recipients .pending').count()).toBe(1);
    await mock.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { advanceMs: 60_000 } });
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

  it('resets after a confirmation, and logged no console error', async () => {
    await page.click('#reset');
    await expect.poll(() => page.locator('#rows tr').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}inbox-empty.png` });
    expect(consoleErrors).toEqual([]);
  });
});
