import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMockConfig } from '../config-file.js';
import type { MockServerOptions } from '../options.js';
import { injectServer } from '../test-support/inject.js';
import { readmeFaultExamples } from '../test-support/readme-examples.js';
import { FIELD_ERRORS } from '../wire/describe-issue.js';
import { faultRuleSchema } from './fault-rule.js';

const servers: ReturnType<typeof injectServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.app.close();
});

function serve(options: MockServerOptions = {}) {
  const server = injectServer(options);
  servers.push(server);
  return server;
}

describe('the README fault examples', () => {
  it('are accepted as written, and the JSON, --fault and config-file forms are the same rules', async () => {
    const examples = await readmeFaultExamples();
    expect(examples.json).toHaveLength(1);
    expect(examples.flags).toHaveLength(2);
    expect(examples.yaml).toHaveLength(1);

    const put = await serve().putFaults(examples.json[0]);
    expect(put.status).toBe(200);
    const listed = put.body.rules;
    expect(listed).toHaveLength(2);

    for (const flag of examples.flags) {
      expect(faultRuleSchema.safeParse(JSON.parse(flag), FIELD_ERRORS).success).toBe(true);
    }
    const fromFlags = serve({ faults: examples.flags.map((flag) => JSON.parse(flag)) });
    expect(await fromFlags.listFaults()).toEqual(listed);

    const path = join(await mkdtemp(join(tmpdir(), 'readme-faults-')), 'mock.yaml');
    await writeFile(path, examples.yaml[0] ?? '');
    const fromConfig = serve(await loadMockConfig(path));
    expect(await fromConfig.listFaults()).toEqual(listed);
  });
});
