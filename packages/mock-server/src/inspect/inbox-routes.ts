import type { FastifyInstance } from 'fastify';

/** The web inbox at `/` and `/__mock/ui`; the page is loaded on first request, not at start-up. */
export function registerInboxRoutes(app: FastifyInstance): void {
  const serve = async (
    _request: unknown,
    reply: { type(t: string): { send(body: string): unknown } },
  ) => {
    const { INBOX_PAGE } = await import('./inbox-page.js');
    return reply.type('text/html; charset=utf-8').send(INBOX_PAGE);
  };
  app.get('/', { schema: { hide: true } }, serve);
  app.get('/__mock/ui', { schema: { hide: true } }, serve);
}
