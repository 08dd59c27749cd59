// One SMS from Deno (npm packages from node_modules): the core uses Deno's fetch.
import { createSjroomTransport } from '@intl-sms/core';

const sms = createSjroomTransport({
  account: Deno.env.get('SJROOM_ACCOUNT'),
  password: Deno.env.get('SJROOM_PASSWORD'),
  baseUrl: Deno.env.get('SJROOM_BASE_URL'),
});
try {
  const { amount } = await sms.getBalance();
  const result = await sms.send({ to: '+639171234567', text: 'Hello from Deno' });
  console.log(JSON.stringify({ balance: amount, accepted: result.accepted }));
} finally {
  await sms.close();
}
