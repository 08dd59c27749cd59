// A Next.js App Router route handler (app/api/sms/route.js) on the Edge runtime:
// POST { to, text } sends one SMS. SJROOM_* come from the deployment's environment.
import { createSjroomTransport } from '@intl-sms/core';

export const runtime = 'edge';

export async function POST(request) {
  const { to, text } = await request.json();
  const sms = createSjroomTransport({
    account: process.env.SJROOM_ACCOUNT,
    password: process.env.SJROOM_PASSWORD,
    baseUrl: process.env.SJROOM_BASE_URL,
  });
  try {
    const result = await sms.send({ to, text });
    return Response.json({ id: result.id, accepted: result.accepted });
  } catch (error) {
    return Response.json({ error: error.code ?? 'ERROR', message: error.message }, { status: 502 });
  } finally {
    await sms.close();
  }
}
