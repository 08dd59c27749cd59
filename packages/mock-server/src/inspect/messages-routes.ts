import type { FastifyInstance } from 'fastify';
import type { MockState } from '../state/mock-state.js';
import { messageView } from './message-view.js';
import { intParam, intParamError, stringParam } from './query-params.js';

const MAX_WAIT_MS = 60_000;

/**
 * `GET /__mock/messages`, `GET /__mock/messages/:batchNo`, `DELETE /__mock/messages` and
 * `GET /__mock/wait` (long-poll until a matching message arrives).
 */
export function registerMessagesRoutes(app: FastifyInstance, state: MockState): void {
  app.get('/__mock/messages', { schema: { tags: ['inspection'] } }, async (request, reply) => {
    const error = intParamError(request.query, ['limit', 'offset']);
    if (error) return reply.code(400).send({ error });
    const limit = intParam(request.query, 'limit', 1000) ?? 50;
    const offset = intParam(request.query, 'offset', Number.MAX_SAFE_INTEGER) ?? 0;
    const withRecipients = stringParam(request.query, 'recipients') !== 'false';
    const filter = filterFrom(request.query);
    const now = state.clock.now();
    if (Object.values(filter).every((value) => value === undefined)) {
      // Unfiltered (the inbox's first view): O(page), however many messages are kept.
      const page = state.batches.newestPage(offset, limit);
      const messages = page.batches.map((batch) => messageView(batch, now, withRecipients));
      return { total: page.total, offset, limit, messages };
    }
    const messages = [];
    let total = 0;
    for (const batch of state.batches.newestFirst(filter)) {
      if (total >= offset && messages.length < limit)
        messages.push(messageView(batch, now, withRecipients));
      total++;
    }
    return { total, offset, limit, messages };
  });

  app.get('/__mock/wait', { schema: { tags: ['inspection'] } }, async (request, reply) => {
    const error = intParamError(request.query, ['timeout', 'since']);
    if (error) return reply.code(400).send({ error });
    const timeout = intParam(request.query, 'timeout', MAX_WAIT_MS) ?? 10_000;
    const since = intParam(request.query, 'since', Number.MAX_SAFE_INTEGER) ?? 0;
    const batch = await state.waitForMessage(filterFrom(request.query), since, timeout);
    if (!batch) return reply.code(408).send({ error: `no matching message within ${timeout} ms` });
    return messageView(batch, state.clock.now(), true);
  });

  app.get<{ Params: { batchNo: string } }>(
    '/__mock/messages/:batchNo',
    { schema: { tags: ['inspection'] } },
    async (request, reply) => {
      const batch = state.batches.get(request.params.batchNo);
      if (!batch) return reply.code(404).send({ error: '[batchNo:no such batch]' });
      return messageView(batch, state.clock.now(), true);
    },
  );

  app.delete('/__mock/messages', { schema: { tags: ['inspection'] } }, async () => {
    state.batches.clear();
    return { cleared: true };
  });
}

function filterFrom(query: unknown) {
  return {
    account: stringParam(query, 'account'),
    phone: stringParam(query, 'phone'),
    batchNo: stringParam(query, 'batchNo'),
    country: stringParam(query, 'country'),
    text: stringParam(query, 'text'),
  };
}
