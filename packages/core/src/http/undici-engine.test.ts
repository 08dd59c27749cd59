import { spawnSync } from 'node:child_process';
import { Agent, ProxyAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { agentFrom, loadAgent, loadProxyAgent } from './undici-engine.js';

describe('the undici engine’s loading', () => {
  it('loads undici’s own Agent and ProxyAgent classes', async () => {
    expect(await loadAgent()).toBe(Agent);
    expect(await loadProxyAgent()).toBe(ProxyAgent);
  });

  it('takes the Agent from undici’s index when its file has moved or holds something else', async () => {
    expect(await agentFrom(() => Promise.reject(new Error('not found')))).toBe(Agent);
    expect(await agentFrom(async () => ({ default: { dispatch() {} } }))).toBe(Agent);
    expect(await agentFrom(async () => ({ default: class Other {} }))).toBe(Agent);
    expect(await agentFrom(async () => ({}))).toBe(Agent);
  });

  it('never loads undici’s index for a call (only the Agent and what it needs)', () => {
    // The built package, as users import it, in a process of its own.
    const script = `
      import { createServer } from 'node:http';
      import { createRequire } from 'node:module';
      const server = createServer((request, response) => {
        request.resume();
        request.on('end', () => response.end('{"stateCode":"200","stateMsg":"ok","data":"12.5000"}'));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const core = await import('@intl-sms/core');
      const sms = core.createSjroomTransport({ account: 'a', password: 'b', baseUrl: 'http://127.0.0.1:' + server.address().port });
      const balance = await sms.getBalance();
      await sms.close();
      server.close();
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => /[\\\\/]undici[\\\\/]/.test(file));
      process.stdout.write(JSON.stringify({
        amount: balance.amount,
        agent: loaded.some((file) => file.endsWith('lib/dispatcher/agent.js')),
        index: loaded.some((file) => /undici[\\\\/]index\\.js$/.test(file)),
        fetch: loaded.some((file) => file.includes('lib/web/fetch')),
      }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../..', import.meta.url).pathname,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      amount: '12.5000',
      agent: true,
      index: false,
      fetch: false,
    });
  });
});
