/**
 * Type test, compiled with `exactOptionalPropertyTypes` (the `tsc --init` default users
 * get): settings read from the environment (`string | undefined`) must be accepted.
 */
import { createFailoverTransport, createSjroomTransport, sendBulk } from '@intl-sms/core';
import { FakeTransport } from '@intl-sms/core/testing';

const env: Record<string, string | undefined> = {};
const sms = createSjroomTransport({
  account: env.SJROOM_ACCOUNT,
  password: env.SJROOM_PASSWORD,
  baseUrl: env.SJROOM_BASE_URL,
  defaultCountry: env.DEFAULT_COUNTRY,
  timeout: undefined,
});
const fake = new FakeTransport({ balance: env.BALANCE });
const both = createFailoverTransport([sms, fake], { strategy: undefined });
void both.send({ to: '+639171234567', text: 'hi', channelId: undefined, onInvalid: undefined });
void sendBulk(sms, ['+639171234567'], { text: env.TEXT, signal: undefined });
