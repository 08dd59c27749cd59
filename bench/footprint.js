// Footprint and cold import of @intl-sms/core vs twilio: installed size and package count
// (the packed tarball installed with npm into an empty folder, same method for twilio),
// import overhead above `node -e 0` (median of 9 cold processes each, interleaved), and
// the minified esbuild bundle of a minimal "send one SMS" script for each.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ratio, stats } from './stats.js';

const run = promisify(execFile);
const CORE_DIR = fileURLToPath(new URL('../packages/core', import.meta.url));

async function du(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await du(path) : (await stat(path)).size;
  }
  return total;
}

async function countPackages(nodeModules) {
  let count = 0;
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) count += (await readdir(join(nodeModules, entry.name))).length;
    else count++;
  }
  return count;
}

async function install(dir, spec) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{"name":"footprint","private":true,"type":"module"}');
  await run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--omit=peer', spec], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const nodeModules = join(dir, 'node_modules');
  return { bytes: await du(nodeModules), packages: await countPackages(nodeModules) };
}

async function timeImport(dir, code) {
  const started = performance.now();
  await run(process.execPath, ['--input-type=module', '-e', code], { cwd: dir });
  return performance.now() - started;
}

/** Runs the benchmark (needs the npm registry). */
export async function footprint({ runs = 9 } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'bench-footprint-'));
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', root], { cwd: CORE_DIR });
  const tarball = stdout.trim().split('\n').at(-1);
  const ours = await install(join(root, 'core'), tarball);
  const twilio = await install(join(root, 'twilio'), 'twilio');
  const floor = [];
  const core = [];
  const tw = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await timeImport(root, '0'));
    core.push(await timeImport(join(root, 'core'), "await import('@intl-sms/core')"));
    tw.push(await timeImport(join(root, 'twilio'), "await import('twilio')"));
  }
  const floorMs = stats(floor).median;
  const coreMs = Math.round((stats(core).median - floorMs) * 10) / 10;
  const twilioMs = Math.round((stats(tw).median - floorMs) * 10) / 10;
  const bundle = async (dir, source) => {
    const entry = join(dir, 'send-one.mjs');
    await writeFile(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].contents.length;
  };
  const coreBundle = await bundle(
    join(root, 'core'),
    "import { createSjroomTransport } from '@intl-sms/core';\nconst sms = createSjroomTransport();\nawait sms.send({ to: '+639171234567', text: 'Hi' });\n",
  );
  const twilioBundle = await bundle(
    join(root, 'twilio'),
    "import twilio from 'twilio';\nconst client = twilio(process.env.SID, process.env.TOKEN);\nawait client.messages.create({ to: '+639171234567', from: '+15005550006', body: 'Hi' });\n",
  );
  const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const kb = (bytes) => Math.round(bytes / 1024);
  const met =
    coreMs <= twilioMs * 0.5 && ours.bytes <= twilio.bytes && coreBundle <= twilioBundle * 0.5;
  return {
    name: 'footprint and cold import vs twilio',
    installed: {
      core: { mb: mb(ours.bytes), packages: ours.packages },
      twilio: { mb: mb(twilio.bytes), packages: twilio.packages },
    },
    importOverheadMs: {
      floor: floorMs,
      core: coreMs,
      twilio: twilioMs,
      ratio: ratio(coreMs, twilioMs),
    },
    bundleKb: {
      core: kb(coreBundle),
      twilio: kb(twilioBundle),
      ratio: ratio(coreBundle, twilioBundle),
    },
    bar: 'import ≤ 0.5× twilio; installed size ≤ twilio; bundle ≤ 0.5× twilio',
    met,
    summary: `installed ${mb(ours.bytes)} MB / ${ours.packages} packages vs twilio ${mb(twilio.bytes)} MB / ${twilio.packages}; import +${coreMs} ms vs +${twilioMs} ms (${ratio(coreMs, twilioMs)}×); bundle ${kb(coreBundle)} KB vs ${kb(twilioBundle)} KB (${ratio(coreBundle, twilioBundle)}×)`,
  };
}
