// Runs a bundled Worker in workerd (Miniflare), without nodejs_compat, and POSTs to it.
// Arguments: the bundle's path, the JSON body. Prints the status and the answer.
import { Miniflare } from 'miniflare';

const [script, body] = process.argv.slice(2);
const mf = new Miniflare({
  modules: true,
  scriptPath: script,
  compatibilityDate: '2025-09-01',
  bindings: {
    SJROOM_ACCOUNT: process.env.SJROOM_ACCOUNT,
    SJROOM_PASSWORD: process.env.SJROOM_PASSWORD,
    SJROOM_BASE_URL: process.env.SJROOM_BASE_URL,
  },
});
try {
  const response = await mf.dispatchFetch('http://worker.test/', { method: 'POST', body });
  console.log(JSON.stringify({ status: response.status, answer: await response.json() }));
} finally {
  await mf.dispose();
}
