import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { DOC_PAGE } from './doc-page.js';

/**
 * Describes the four sjroom endpoints and the inspection API with `@fastify/swagger`,
 * served as `/openapi.json`, and as a readable page at `/doc.html` (the real host's
 * documentation path) that needs no external asset.
 */
export function registerOpenApi(app: FastifyInstance): void {
  app.register(swagger, {
    openapi: {
      info: {
        title: 'sjroom international SMS API (intl-sms mock)',
        description:
          'The four sjroom endpoints as the mock implements them (see provider-api.md), and the /__mock/ inspection API.',
        version: '1.0.0',
      },
      tags: [
        {
          name: 'sjroom',
          description: 'The provider API: POST, JSON body with account and password',
        },
        { name: 'inspection', description: 'Inspect and steer the mock; never shows a password' },
      ],
    },
  });
  app.register(async (docs) => {
    docs.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    docs.get('/doc.html', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(DOC_PAGE),
    );
  });
}
