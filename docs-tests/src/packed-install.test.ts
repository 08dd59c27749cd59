import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { INSTALL_LOG } from './packed-app.js';

describe('npm install of the packed packages, as a user runs it', () => {
  // An EBADENGINE warning told users on Node 20 that a dependency of fastify wanted Node 22.
  it('prints no engine warning, nor any other npm warning about our dependencies', async () => {
    const log = await readFile(join(inject('docsApp'), INSTALL_LOG), 'utf8');
    expect(log).not.toMatch(/EBADENGINE|Unsupported engine/);
    expect(
      log.split('\n').filter((line) => /npm warn/i.test(line) && !/deprecated/i.test(line)),
    ).toEqual([]);
  });
});
