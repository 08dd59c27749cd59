/**
 * The mock inbox: one self-contained page (no CDN, no external asset) that lists
 * submitted messages live, shows a message's detail, and steers accounts, faults and
 * resets through the inspection API. Every value from a message is inserted as text.
 */
export const INBOX_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS inbox — intl-sms mock</title>
<link rel="icon" href="data:,">
<style>
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0550ae;
  --ok: #116329; --bad: #a40e26; --wait: #7d4e00; --bubble: #e7f0ff; --mark: #ffd8b5; font-family: system-ui, sans-serif; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --accent: #79c0ff;
  --ok: #56d364; --bad: #ff7b72; --wait: #e3b341; --bubble: #1f2a3a; --mark: #6e4b1f; } }
body { margin: 0; background: var(--bg); color: var(--fg); }
header { display: flex; gap: 1rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
h1 { font-size: 1.2rem; margin: 0 auto 0 0; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; padding: 1rem; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
section { border: 1px solid var(--line); border-radius: 8px; padding: .75rem; margin-bottom: 1rem; }
h2 { font-size: 1rem; margin: 0 0 .5rem; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
button, input, select { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .25rem .5rem; }
button { cursor: pointer; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
.row-button { border: 0; padding: 0; color: var(--accent); text-decoration: underline; background: none; }
.filters { display: flex; gap: .5rem; flex-wrap: wrap; margin-bottom: .5rem; }
.filters label, form label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.delivered { color: var(--ok); } .failed { color: var(--bad); } .pending { color: var(--wait); }
.bubble { background: var(--bubble); border-radius: 16px 16px 16px 4px; padding: .75rem 1rem; max-width: 32rem; white-space: pre-wrap; word-break: break-word; line-height: 1.6; }
.non-gsm { background: var(--mark); border-radius: 3px; }
.has-lookalike { outline: 1px dashed var(--accent); }
.segment-break { border-left: 2px dashed var(--accent); margin: 0 2px; }
pre { overflow-x: auto; font-size: .8rem; background: var(--bubble); padding: .5rem; border-radius: 6px; }
.muted { color: var(--muted); font-size: .85rem; }
.live { font-size: .85rem; }
</style>
</head>
<body>
<header>
  <h1>SMS inbox <span class="muted">intl-sms mock</span></h1>
  <span id="live" class="live" role="status">connecting…</span>
  <button id="clear" type="button">Clear messages</button>
  <button id="reset" type="button">Reset mock</button>
</header>
<main>
  <div>
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      <form id="filters" class="filters" role="search">
        <label>Phone <input name="phone" autocomplete="off"></label>
        <label>Batch <input name="batchNo" autocomplete="off"></label>
        <label>Account <input name="account" autocomplete="off"></label>
        <label>Country <input name="country" autocomplete="off" placeholder="63, PH"></label>
        <label>Text <input name="text" autocomplete="off"></label>
        <button type="submit">Filter</button>
      </form>
      <table>
        <caption class="muted" id="count" aria-live="polite"></caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Account</th><th scope="col">Country</th><th scope="col">To</th>
          <th scope="col">Text</th><th scope="col">Encoding</th><th scope="col">Cost</th><th scope="col">Receipts</th></tr></thead>
        <tbody id="rows"></tbody>
      </table>
      <p><button id="prev" type="button">Newer</button> <button id="next" type="button">Older</button></p>
    </section>
  </div>
  <div>
    <section aria-labelledby="detail-title" id="detail-section">
      <h2 id="detail-title">Message</h2>
      <div id="detail"><p class="muted">Choose a message.</p></div>
    </section>
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      <div id="accounts"></div>
    </section>
    <section aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <form id="fault-form" class="filters">
        <label>Endpoint <select name="endpoint"><option>*</option><option>list</option><option>submit</option><option>query</option><option>balance</option></select></label>
        <label>Fault <select name="kind">
          <option value="state-code:500">stateCode 500</option><option value="state-code:402">stateCode 402</option>
          <option value="state-code:429">stateCode 429</option><option value="http-status:503">HTTP 503</option>
          <option value="latency:2000">latency 2 s</option><option value="rate-limit:1">rate limit 1/s</option>
          <option value="drop">drop connection</option><option value="reset">reset after processing</option>
        </select></label>
        <button type="submit">Add fault</button>
      </form>
      <ul id="faults"></ul>
    </section>
  </div>
</main>
<script>
const GSM = new Set('@£$¥èéùìòÇ\\nØø\\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const EXT = new Set('\\f^{}\\\\[~]|€');
const state = { offset: 0, limit: 50, total: 0, filters: {}, selected: null };
const $ = (id) => document.getElementById(id);
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) { if (k === 'class') el.className = v; else if (k.startsWith('on')) el.addEventListener(k.slice(2), v); else el.setAttribute(k, v); }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}
// Every change says application/json, body or not: the mock refuses it otherwise (a
// cross-site form could send it), and a same-origin page needs no CORS preflight for it.
async function api(method, url, body) {
  const headers = method === 'GET' ? {} : { 'content-type': 'application/json' };
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json();
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}
const flag = (iso) => iso && iso.length === 2 ? String.fromCodePoint(...[...iso.toUpperCase()].map((c) => 0x1f1a5 + c.charCodeAt(0))) : '';
function receiptCell(r) {
  return h('span', {}, h('span', { class: 'delivered' }, r.delivered + ' ✓'), ' ', h('span', { class: 'failed' }, r.failed + ' ✗'), ' ', h('span', { class: 'pending' }, r.pending + ' …'));
}
async function loadList() {
  const q = new URLSearchParams({ recipients: 'false', limit: state.limit, offset: state.offset });
  for (const [k, v] of Object.entries(state.filters)) if (v) q.set(k, v);
  const data = await api('GET', '/__mock/messages?' + q);
  state.total = data.total;
  $('count').textContent = data.total + ' message(s)' + (data.total > state.limit ? ', showing ' + (state.offset + 1) + '–' + Math.min(state.offset + state.limit, data.total) : '');
  $('rows').replaceChildren(...data.messages.map((m) => h('tr', { 'data-batch': m.batchNo },
    h('td', {}, new Date(m.submittedAt).toLocaleTimeString()), h('td', {}, m.account),
    h('td', {}, flag(m.iso) + ' +' + m.countryCode + ' ', h('span', { class: 'muted' }, '#' + m.channelId)),
    h('td', {}, m.recipientCount),
    h('td', {}, h('button', { class: 'row-button', type: 'button', onclick: () => openMessage(m.batchNo) }, m.text.length > 40 ? m.text.slice(0, 40) + '…' : m.text)),
    h('td', {}, m.encoding + ' ×' + m.segments), h('td', {}, m.cost), h('td', { class: 'receipts' }, receiptCell(m.receipts)))));
  $('prev').disabled = state.offset === 0;
  $('next').disabled = state.offset + state.limit >= state.total;
  if (state.selected) openMessage(state.selected, true);
}
function segmentBubble(text, ucs2) {
  const lookalike = new Set(ucs2 ? ucs2.forcedBy.filter((c) => !ucs2.noLookalike.includes(c)) : []);
  const chars = [...text];
  const gsm = chars.every((c) => GSM.has(c) || EXT.has(c));
  const size = (c) => gsm ? (EXT.has(c) ? 2 : 1) : c.length;
  const total = chars.reduce((n, c) => n + size(c), 0);
  const part = gsm ? (total <= 160 ? Infinity : 153) : (total <= 70 ? Infinity : 67);
  const bubble = h('p', { class: 'bubble', 'aria-label': 'message text' });
  let used = 0;
  for (const c of chars) {
    if (used + size(c) > part) { bubble.append(h('span', { class: 'segment-break', title: 'segment boundary', 'aria-label': 'segment boundary' })); used = 0; }
    used += size(c);
    bubble.append(!gsm && !GSM.has(c) && !EXT.has(c) ? (lookalike.has(c) ? h('span', { class: 'non-gsm has-lookalike', title: 'not in GSM-7; has a GSM-7 look-alike' }, c) : h('span', { class: 'non-gsm', title: 'not in GSM-7' }, c)) : c);
  }
  return bubble;
}
// What smart encoding would have made of a UCS-2 message (the mock's own look-alike table).
function smartNote(m) {
  const u = m.ucs2;
  if (!u) return null;
  if (u.noLookalike.length) return h('p', { class: 'muted', 'data-smart': 'no' }, 'No GSM-7 look-alike for ' + u.noLookalike.join(' ') + ': smart encoding would keep this UCS-2.');
  const s = u.smartEncoding;
  if (!s.wouldSend) return h('p', { class: 'muted', 'data-smart': 'more' }, 'Every highlighted character has a GSM-7 look-alike, but as GSM-7 this takes ' + s.segments + ' segment(s): smart encoding would keep it UCS-2.');
  return h('p', { 'data-smart': 'yes' }, 'Every highlighted character has a GSM-7 look-alike: smart encoding would send this as ' + s.segments + ' GSM-7 segment(s)' + (s.segments < m.segments ? ' instead of ' + m.segments : '') + '.');
}
async function openMessage(batchNo, quiet) {
  state.selected = batchNo;
  const m = await api('GET', '/__mock/messages/' + encodeURIComponent(batchNo));
  $('detail').replaceChildren(
    h('p', {}, 'Batch ', h('strong', {}, m.batchNo), ' · ', m.account, ' · ', flag(m.iso) + ' +' + m.countryCode + ' ' + m.operator, ' · channel #' + m.channelId),
    segmentBubble(m.text, m.ucs2),
    h('p', { class: 'muted' }, m.encoding + ', ' + m.segments + ' segment(s) each, ' + m.recipientCount + ' recipient(s), cost ' + m.cost + (m.encoding === 'UCS-2' ? ' — highlighted characters forced UCS-2' : '')),
    smartNote(m),
    h('table', {}, h('caption', { class: 'muted' }, 'Receipts'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phone'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Receipt at'))),
      h('tbody', { id: 'recipients' }, m.recipients.map((r) => h('tr', {}, h('td', {}, '+' + r.phone), h('td', { class: r.status }, r.status), h('td', {}, r.receiptAt ? new Date(r.receiptAt).toLocaleTimeString() : '—'))))),
    h('h3', {}, 'Request'), h('pre', {}, JSON.stringify(m.request, null, 2)),
    h('h3', {}, 'Response'), h('pre', {}, JSON.stringify(m.response, null, 2)));
  if (!quiet) $('detail-section').scrollIntoView({ block: 'nearest' });
}
async function loadAccounts() {
  const { accounts } = await api('GET', '/__mock/accounts');
  const typed = new Map([...document.querySelectorAll('#accounts input')].map((i) => [i.getAttribute('aria-label'), i.value]));
  $('accounts').replaceChildren(h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col' }, 'Balance'), h('th', { scope: 'col' }, 'Channels'), h('th', { scope: 'col' }, 'Change'))),
    h('tbody', {}, accounts.map((a) => {
      const label = 'amount for ' + a.account;
      const input = h('input', { 'aria-label': label, size: '8', value: typed.get(label) ?? '100' });
      return h('tr', {}, h('td', {}, a.account), h('td', { 'data-balance': a.account }, a.balance), h('td', {}, a.channelIds.length),
        h('td', {}, input, ' ', h('button', { type: 'button', onclick: () => act(() => api('POST', '/__mock/accounts/' + encodeURIComponent(a.account) + '/top-up', { amount: input.value })) }, 'Top up'),
          ' ', h('button', { type: 'button', onclick: () => act(() => api('PUT', '/__mock/accounts/' + encodeURIComponent(a.account), { balance: input.value })) }, 'Set')));
    }))));
}
// GET lists each rule with its counters; PUT takes rules only, so they are left out when rules go back.
const bareRule = ({ matched, remaining, ...rule }) => rule;
async function currentRules() {
  const { rules } = await api('GET', '/__mock/faults');
  return rules.map(bareRule);
}
// The list may have moved on since it was shown (a rule used up): remove the shown rule, if still there.
async function removeRule(shown) {
  const rules = await currentRules();
  const at = rules.findIndex((rule) => JSON.stringify(rule) === JSON.stringify(bareRule(shown)));
  if (at >= 0) await api('PUT', '/__mock/faults', rules.filter((_, j) => j !== at));
}
async function loadFaults() {
  const { rules } = await api('GET', '/__mock/faults');
  $('faults').replaceChildren(...(rules.length ? rules.map((r) => h('li', {}, r.type + ' on ' + r.endpoint + (r.stateCode ? ' (' + r.stateCode + ')' : '') + (r.status ? ' (' + r.status + ')' : '') + ' · matched ' + r.matched + (r.remaining === null ? '' : ', ' + r.remaining + ' left') + ' ',
    h('button', { type: 'button', onclick: () => act(() => removeRule(r)) }, 'Remove'))) : [h('li', { class: 'muted' }, 'No faults: every call succeeds.')]));
}
async function act(fn) {
  try { await fn(); } catch (error) { alert(error.message); }
  await Promise.all([loadList(), loadAccounts(), loadFaults()]);
}
$('filters').addEventListener('submit', (e) => { e.preventDefault(); state.filters = Object.fromEntries(new FormData(e.target)); state.offset = 0; loadList(); });
$('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadList(); });
$('next').addEventListener('click', () => { state.offset += state.limit; loadList(); });
$('clear').addEventListener('click', () => { if (confirm('Delete every stored message?')) act(() => api('DELETE', '/__mock/messages')); });
$('reset').addEventListener('click', () => { if (confirm('Reset the mock: accounts, messages and faults back to the start?')) { state.selected = null; $('detail').replaceChildren(h('p', { class: 'muted' }, 'Choose a message.')); act(() => api('POST', '/__mock/reset')); } });
$('fault-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(e.target));
  const [type, value] = data.kind.split(':');
  const rule = { type, endpoint: data.endpoint };
  if (type === 'state-code') rule.stateCode = value;
  if (type === 'http-status') rule.status = Number(value);
  if (type === 'latency') rule.delayMs = Number(value);
  if (type === 'rate-limit') rule.limit = Number(value);
  act(async () => api('PUT', '/__mock/faults', [...(await currentRules()), rule]));
});
let pending;
const events = new EventSource('/__mock/events');
events.addEventListener('open', () => { $('live').textContent = 'live'; });
events.addEventListener('error', () => { $('live').textContent = 'reconnecting…'; });
events.addEventListener('message', () => { clearTimeout(pending); pending = setTimeout(() => { loadList(); loadAccounts(); }, 100); });
setInterval(() => { if (!document.hidden) loadList(); }, 2000);
act(() => undefined);
</script>
</body>
</html>
`;
