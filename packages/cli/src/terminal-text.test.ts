import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalCell, terminalJson, terminalText } from './terminal-text.js';
import { cliEnv } from './test-support/run-cli.js';

/** Clear the screen, set the window title, ring the bell, an 8-bit CSI, a right-to-left override. */
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eevil\r';
/** Anything a terminal would obey: control characters (C0 but newline, DEL, C1), bidi controls. */
const OBEYED = /(?!\n)[\p{Cc}\p{Bidi_Control}]/u;

describe('terminal text', () => {
  it('replaces control characters with a visible mark, keeping line breaks where text spans lines', () => {
    expect(terminalText(`a${HOSTILE}b\nc\td`)).toBe('a�[2J�]0;pwned��31m�evil�b\nc\td');
    expect(terminalCell('a\nb\tc\u001b')).toBe('a�b�c�');
    expect(terminalText('Philippines 菲律宾 😀 é')).toBe('Philippines 菲律宾 😀 é');
  });

  it('escapes in JSON what JSON.stringify leaves raw, so the document means the same', () => {
    const value = { name: HOSTILE };
    const json = terminalJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(OBEYED);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('provider strings never drive the terminal', () => {
  let env: Awaited<ReturnType<typeof cliEnv>>;
  beforeAll(async () => {
    env = await cliEnv();
    // A hostile provider: its channel list carries escape sequences in every name.
    for (const channel of env.mock.state.channels) {
      const names = channel as { operator: string; nameEn: string; nameZh: string };
      names.operator = `${names.operator}${HOSTILE}`;
      names.nameEn = `${names.nameEn}${HOSTILE}`;
      names.nameZh = `${HOSTILE}${names.nameZh}`;
    }
  });
  afterAll(async () => {
    await env.mock.close();
  });

  it('channels, estimate and send print the names without a control character', async () => {
    const runs = await Promise.all([
      env.run(['channels', '--country', 'PH']),
      env.run(['estimate', '--to', '+639171234567', '--text', 'hi']),
      env.run(['send', '--to', '+639171234567', '--text', 'hi', '--dry-run']),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(OBEYED);
    }
    // The names are there, their control characters made visible.
    expect(runs[0]?.stdout).toContain('�[2J�]0;pwned��31m�evil�');
    expect(runs[1]?.stdout).toContain('�[2J');
  });

  it('--json keeps the names exactly, escaped', async () => {
    const run = await env.run(['channels', '--country', 'PH', '--json']);
    expect(run.stdout).not.toMatch(OBEYED);
    const { channels } = JSON.parse(run.stdout);
    expect(channels[0].operator.endsWith(HOSTILE)).toBe(true);
  });

  it('an error message from the provider reaches stderr without a control character', async () => {
    await env.inject('PUT', '/__mock/faults', [
      { type: 'state-code', stateCode: '500', stateMsg: `boom${HOSTILE}`, endpoint: 'balance' },
    ]);
    const run = await env.run(['balance']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('boom');
    expect(run.stderr).not.toMatch(OBEYED);
    await env.inject('DELETE', '/__mock/faults');
  });
});
