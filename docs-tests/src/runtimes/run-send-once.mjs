// Sends one SMS to the number given as the argument, in Bun or Deno (or Node), and prints
// its outcome as JSON whatever it is: the state and batch, or the error code.
import { createSjroomTransport } from '@intl-sms/core';

const env = globalThis.Deno ? Deno.env.toObject() : process.env;
const to = globalThis.Deno ? Deno.args[0] : process.argv[2];
const sms = createSjroomTransport({
  account: env.SJROOM_ACCOUNT,
  password: env.SJROOM_PASSWORD,
  baseUrl: env.SJROOM_BASE_URL,
});
try {
  // The channel list opens the keep-alive connection the submit then finds in the pool.
  const outcome = await sms.send({ to, text: 'exactly once' }).then(
    (result) => ({ state: result.recipients[0]?.state }),
    (error) => ({ error: error.code }),
  );
  console.log(JSON.stringify(outcome));
} finally {
  await sms.close();
}
