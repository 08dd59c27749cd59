import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type DocEndpoint, type DocField, readApiDoc } from './api-doc-tables.js';
import { REPO_ROOT } from './doc-files.js';
import { resetMock } from './services.js';

// docs/sjroom-api.md against the packed mock: its OpenAPI document for the requests,
// its real answers for the responses.

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface OpenApi {
  paths: Record<
    string,
    { post?: { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } }
  >;
}

const DOC = 'docs/sjroom-api.md';
const endpoints = readApiDoc(readFileSync(join(REPO_ROOT, DOC), 'utf8'));
const mockUrl = inject('mockUrl');
const DEMO = { account: 'demo', password: 'demo-password' };
let openapi: OpenApi;

beforeAll(async () => {
  await resetMock(mockUrl);
  openapi = (await (await fetch(new URL('/openapi.json', mockUrl))).json()) as OpenApi;
});

/** The JSON types an OpenAPI schema allows, as the document writes them; `[]` when it names none. */
function schemaTypes(schema: JsonSchema): string[] {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return [...new Set(alternatives.flatMap(schemaTypes))].sort();
  const types = schema.type === undefined ? [] : [schema.type].flat();
  return types
    .map((type) =>
      type === 'array' ? `array of ${schemaTypes(schema.items ?? {}).join(' or ')}` : type,
    )
    .sort();
}

function requestSchema(path: string): JsonSchema {
  const schema = openapi.paths[path]?.post?.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${path}: the OpenAPI document has no JSON request body`);
  return schema;
}

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, mockUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** The JSON type of a value, in the document's words. */
function jsonType(value: unknown): string {
  if (Array.isArray(value))
    return `array of ${[...new Set(value.map(jsonType))].join(' or ') || 'string'}`;
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Checks an answer's fields against a response table: the same names, values of a documented type. */
function expectFields(where: string, value: unknown, fields: readonly DocField[]): void {
  expect(typeof value, `${where}: an object`).toBe('object');
  const record = value as Record<string, unknown>;
  expect(Object.keys(record).sort(), `${where}: the fields of the answer`).toEqual(
    fields.map((field) => field.name).sort(),
  );
  for (const field of fields) {
    const actual = jsonType(record[field.name]);
    // An integer is a valid JSON `number` too.
    const allowed = field.types.includes('number') ? [...field.types, 'integer'] : field.types;
    expect(allowed, `${DOC}:${field.line}: ${field.name} answered as ${actual}`).toContain(actual);
  }
}

describe(`${DOC} matches the mock's OpenAPI document`, () => {
  it('documents every sjroom endpoint the mock serves, and no other', () => {
    const served = Object.keys(openapi.paths).filter((path) => path.startsWith('/api/'));
    expect(endpoints.map((endpoint) => endpoint.path).sort()).toEqual(served.sort());
    expect(served.length).toBe(4);
  });

  it.each(endpoints.map((endpoint) => [endpoint.path, endpoint] as const))(
    '%s: the same request fields, types and required flags',
    (path, endpoint: DocEndpoint) => {
      const schema = requestSchema(path);
      const properties = schema.properties ?? {};
      expect(endpoint.request.map((field) => field.name).sort()).toEqual(
        Object.keys(properties).sort(),
      );
      for (const field of endpoint.request) {
        const where = `${DOC}:${field.line}: ${path} ${field.name}`;
        expect(field.required, `${where}: required`).toBe(
          schema.required?.includes(field.name) ?? false,
        );
        expect(field.types.length, `${where}: the type names a JSON type`).toBeGreaterThan(0);
        const declared = schemaTypes(properties[field.name] ?? {});
        // A field the OpenAPI document leaves untyped is probed against the mock below.
        if (declared.length > 0) expect(field.types, `${where}: type`).toEqual(declared);
      }
    },
  );

  // A schema can only say so much (goodsSupplySmsConfigId takes an integer or its digits,
  // a pattern the types alone cannot show): every documented type is also tried at the mock.
  it('every request field accepts exactly its documented types at the mock', async () => {
    const samples: Record<string, unknown> = {
      string: '1',
      integer: 1,
      number: 1.5,
      boolean: true,
    };
    for (const endpoint of endpoints) {
      // Well-typed values everywhere, and credentials that do not exist: the mock checks
      // the fields first, so a type it refuses is a 400 naming the field, and anything
      // else stops at 401 before a message could be sent.
      const base = Object.fromEntries(
        endpoint.request.map((field) => [field.name, samples[field.types[0] ?? 'string']]),
      );
      for (const field of endpoint.request) {
        for (const [type, sample] of Object.entries(samples)) {
          const answer = (await post(endpoint.path, { ...base, [field.name]: sample })) as {
            stateCode: string;
            stateMsg: string;
          };
          const refused =
            answer.stateCode === '400' && answer.stateMsg.startsWith(`[${field.name}:`);
          expect(
            refused,
            `${DOC}:${field.line}: ${endpoint.path} ${field.name} as ${type}: ${answer.stateCode} ${answer.stateMsg}`,
          ).toBe(!field.types.includes(type));
        }
      }
    }
  });
});

describe(`${DOC} matches the mock's answers`, () => {
  const byPath = (suffix: string): DocEndpoint => {
    const endpoint = endpoints.find((candidate) => candidate.path.endsWith(suffix));
    if (!endpoint) throw new Error(`${DOC} has no ${suffix} endpoint`);
    return endpoint;
  };

  it('list: a bare array of channels with the documented fields', async () => {
    const channels = await post('/api/open/int/sms/list', DEMO);
    expect(Array.isArray(channels)).toBe(true);
    for (const channel of (channels as unknown[]).slice(0, 5))
      expectFields('list', channel, byPath('/list').response);
  });

  it('submit, query and balance: the documented envelope and receipts', async () => {
    const channels = (await post('/api/open/int/sms/list', DEMO)) as {
      goodsSupplySmsConfigId: number;
      countryCode: string;
      status: number;
    }[];
    const ph = channels.find((channel) => channel.countryCode === '63' && channel.status === 1);
    if (!ph) throw new Error('the mock has no enabled +63 channel');
    const submit = await post('/api/open/int/sms/submit', {
      ...DEMO,
      goodsSupplySmsConfigId: ph.goodsSupplySmsConfigId,
      phone: '639171234567，+639171234568;639171234569',
      sendContent: 'docs check',
    });
    expectFields('submit', submit, byPath('/submit').response);
    const batchNo = (submit as { data: string }).data;
    const receipts = await post('/api/open/int/sms/query', { ...DEMO, batchNo });
    expectFields('query', receipts, byPath('/query').response);
    expectFields(
      'balance',
      await post('/api/open/int/sms/balance', DEMO),
      byPath('/balance').response,
    );
  });
});
