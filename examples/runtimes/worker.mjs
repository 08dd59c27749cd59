// A Cloudflare Worker (no nodejs_compat needed): POST / sends one SMS. The credentials
// are the Worker's bindings (wrangler secrets): SJROOM_ACCOUNT, SJROOM_PASSWORD,
// SJROOM_BASE_URL.
import { createSjroomTransport } from '@intl-sms/core';

export default {
  async fetch(request, env) {
    const sms = createSjroomTransport({
      account: env.SJROOM_ACCOUNT,
      password: env.SJROOM_PASSWORD,
      baseUrl: env.SJROOM_BASE_URL,
    });
    try {
      const { to = '+639171234567', text = 'Hello from a Worker' } =
        request.method === 'POST' ? await request.json() : {};
      const { amount } = await sms.getBalance();
      const result = await sms.send({ to, text });
      return Response.json({ balance: amount, accepted: result.accepted });
    } catch (error) {
      return Response.json(
        { error: error.code ?? 'ERROR', message: error.message },
        { status: 502 },
      );
    } finally {
      await sms.close();
    }
  },
};
