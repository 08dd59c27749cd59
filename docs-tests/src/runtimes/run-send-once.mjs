// Sends one SMS to the number given as the argument, in Bun or Deno (or Node), and prints
// its outcome as JSON whatever it is: the state and batch, or the error code. A second
// argument `wrapped-fetch` passes a tracing wrapper of the runtime's fetch in the settings.
import { createSjroomTransport } from '@intl-sms/core';

const env = globalThis.Deno ? Deno.env.toObject() : process.env;
const [to, mode] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const sms = createSjroomTransport({
  account: env.SJROOM_ACCOUNT,
  password: env.SJROOM_PASSWORD,
  baseUrl: env.SJROOM_BASE_URL,
  ...(mode === 'wrapped-fetch' ? { fetch: (url, init) => fetch(url, init) } : {}),
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
