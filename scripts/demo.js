// The README demo: starts the mock server in-process, then sends one SMS to two numbers
// through @intl-sms/core exactly as an application would against the real service.
import { createSjroomTransport, Decimal } from '@intl-sms/core';
import { DEMO_ACCOUNT, startMockServer } from '@intl-sms/mock-server';

/** A price with the four decimals balances have (the API sends prices as JSON numbers). */
const money = (price) => Decimal.parse(price).rescale(4).toString();

const mock = await startMockServer({ receiptDelay: { minMs: 100, maxMs: 600 } });
console.log(`mock server listening on ${mock.url}`);

const sms = createSjroomTransport({
  baseUrl: mock.url,
  account: DEMO_ACCOUNT.account,
  password: DEMO_ACCOUNT.password,
});

try {
  const channels = await sms.listChannels();
  const enabled = channels.filter((channel) => channel.enabled);
  console.log(`${channels.length} channels (${enabled.length} enabled), e.g.:`);
  for (const channel of enabled.slice(0, 3)) {
    console.log(
      `  #${channel.id} +${channel.countryCode} ${channel.nameEn} (${channel.nameZh}), ${channel.operator}, ${money(channel.price)}/segment`,
    );
  }

  const philippines = enabled
    .filter((channel) => channel.countryCode === '63')
    .sort((a, b) => Decimal.parse(a.price).compare(Decimal.parse(b.price)))[0];
  if (!philippines) throw new Error('the mock has no enabled channel for +63');

  const before = await sms.getBalance();
  console.log(`balance before: ${before.amount}`);

  const result = await sms.send({
    channelId: philippines.id,
    to: ['+63 917 123 4567', '+63 918 765 4321'],
    text: 'Your intl-sms demo code is 424242',
  });
  console.log(
    `submitted batch ${result.id} to ${result.accepted.join(', ')} via channel #${philippines.id}`,
  );

  let report = await sms.getDeliveryReport(result.id);
  const deadline = Date.now() + 10_000;
  while (!report.complete && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    report = await sms.getDeliveryReport(result.id);
    console.log(
      `  receipts: ${report.delivered} delivered, ${report.failed} failed, ${report.pending} pending`,
    );
  }
  if (!report.complete) throw new Error('the delivery receipts did not arrive within 10 s');
  for (const recipient of report.recipients)
    console.log(`  ${recipient.phone}: ${recipient.status}`);

  const after = await sms.getBalance();
  console.log(
    `balance after:  ${after.amount} (charged ${before.value.subtract(after.value).toString()})`,
  );
  console.log('demo finished: one SMS to two numbers, delivered, paid for.');
} finally {
  await sms.close();
  await mock.close();
}
