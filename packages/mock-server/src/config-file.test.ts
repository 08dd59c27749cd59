import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMockConfig } from './config-file.js';

async function file(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'mock-config-')), name);
  await writeFile(path, text);
  return path;
}

describe('loadMockConfig', () => {
  it('reads JSON and YAML alike', async () => {
    const json = await file(
      'c.json',
      JSON.stringify({ seed: 3, accounts: [{ account: 'a', password: 'p', balance: 1 }] }),
    );
    const yaml = await file(
      'c.yml',
      'seed: 3\naccounts:\n  - account: a\n    password: p\n    balance: 1\n',
    );
    expect(await loadMockConfig(json)).toEqual(await loadMockConfig(yaml));
  });

  it('reads the token and the allowed hosts', async () => {
    const yaml = await file('c.yaml', 'token: file-Tok3n\nallowedHosts: [mock, .example.test]\n');
    expect(await loadMockConfig(yaml)).toEqual({
      token: 'file-Tok3n',
      allowedHosts: ['mock', '.example.test'],
    });
  });

  it('names the file and the field when something is wrong', async () => {
    const bad = await file('bad.json', JSON.stringify({ accounts: [{ account: 'a' }] }));
    await expect(loadMockConfig(bad)).rejects.toThrow(/bad\.json: \[accounts\.0\.password:/);
    const broken = await file('broken.yaml', 'accounts: [');
    await expect(loadMockConfig(broken)).rejects.toThrow(/broken\.yaml: not valid YAML/);
  });
});
