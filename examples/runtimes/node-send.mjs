// One SMS from Node (20, 22 or 24): the core speaks HTTP through undici here.
import { createSjroomTransport } from '@intl-sms/core';

const sms = createSjroomTransport(); // SJROOM_ACCOUNT, SJROOM_PASSWORD, SJROOM_BASE_URL
try {
  const { amount } = await sms.getBalance();
  const result = await sms.send({ to: '+639171234567', text: 'Hello from Node' });
  console.log(JSON.stringify({ balance: amount, accepted: result.accepted }));
} finally {
  await sms.close();
}
