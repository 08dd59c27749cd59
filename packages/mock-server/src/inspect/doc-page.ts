/** A self-contained page that renders `/openapi.json`: no CDN, no external asset. */
export const DOC_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sjroom SMS API — intl-sms mock</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 960px; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  section { border: 1px solid #8884; border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
  code, pre { font-family: ui-monospace, monospace; font-size: .9em; }
  pre { overflow-x: auto; background: #8881; padding: .5rem; border-radius: 4px; }
  .method { font-weight: bold; text-transform: uppercase; margin-right: .5rem; }
</style>
</head>
<body>
<h1 id="title">sjroom SMS API</h1>
<p id="description"></p>
<main id="paths" aria-live="polite">Loading <code>/openapi.json</code>…</main>
<script>
fetch('/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('title').textContent = doc.info.title;
  document.getElementById('description').textContent = doc.info.description || '';
  const main = document.getElementById('paths');
  main.textContent = '';
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const section = document.createElement('section');
      const h = document.createElement('h2');
      const m = document.createElement('span');
      m.className = 'method';
      m.textContent = method;
      const p = document.createElement('code');
      p.textContent = path;
      h.append(m, p);
      section.append(h);
      if (op.requestBody) {
        const pre = document.createElement('pre');
        pre.textContent = JSON.stringify(op.requestBody.content['application/json'].schema, null, 2);
        section.append(pre);
      }
      main.append(section);
    }
  }
});
</script>
</body>
</html>
`;
