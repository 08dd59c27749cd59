// Runs a bundled route handler in the Vercel Edge runtime and POSTs to it. Arguments: the
// bundle's path, the JSON body. The deployment's environment is the runtime's `process.env`.
import { readFileSync } from 'node:fs';
import { EdgeRuntime, runServer } from 'edge-runtime';

const [script, body] = process.argv.slice(2);
const env = {
  SJROOM_ACCOUNT: process.env.SJROOM_ACCOUNT,
  SJROOM_PASSWORD: process.env.SJROOM_PASSWORD,
  SJROOM_BASE_URL: process.env.SJROOM_BASE_URL,
};
const runtime = new EdgeRuntime({
  initialCode: readFileSync(script, 'utf8'),
  extend: (context) => Object.assign(context, { process: { env } }),
});
const server = await runServer({ runtime, port: 0 });
try {
  const response = await fetch(server.url, { method: 'POST', body });
  console.log(JSON.stringify({ status: response.status, answer: await response.json() }));
} finally {
  await server.close();
  // The runtime's own fetch keeps its connections alive; nothing else is left to wait for.
  process.exit(0);
}
