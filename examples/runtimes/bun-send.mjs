// One SMS from Bun: Bun's own undici has no Agent.request, so the core uses Bun's fetch.
import { createSjroomTransport } from '@intl-sms/core';

const sms = createSjroomTransport(); // SJROOM_ACCOUNT, SJROOM_PASSWORD, SJROOM_BASE_URL
try {
  const { amount } = await sms.getBalance();
  const result = await sms.send({ to: '+639171234567', text: 'Hello from Bun' });
  console.log(JSON.stringify({ balance: amount, accepted: result.accepted }));
} finally {
  await sms.close();
}
