import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { faultRuleSchema } from '../faults/fault-rule.js';
import type { StoredBatch } from '../state/batch.js';
import type { MockState } from '../state/mock-state.js';
import { describeIssue, FIELD_ERRORS } from '../wire/describe-issue.js';
import { messageView } from './message-view.js';

const faultsBodySchema = z.union(
  [z.array(faultRuleSchema), z.strictObject({ rules: z.array(faultRuleSchema) })],
  { error: 'must be an array of fault rules, or { "rules": [...] }' },
);
const channelChangesSchema = z.strictObject({
  price: z.union([z.string(), z.number()]).optional(),
  status: z.union([z.literal(0), z.literal(1)]).optional(),
});
const clockBodySchema = z.strictObject({
  speed: z.number().min(0).max(1_000_000).optional(),
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 3600 * 1000)
    .optional(),
});

/** Faults, reset, health, the receipt clock, the channel catalogue (prices settable) and the live event stream. */
export function registerControlRoutes(app: FastifyInstance, state: MockState): void {
  const tags = ['inspection'];
  app.get('/__mock/health', { schema: { tags } }, async () => ({
    status: 'ok',
    messages: state.batches.size,
    recipients: state.batches.recipientCount,
    accounts: state.accounts.size,
    pendingCalls: state.pendingCalls,
    fastLaneCalls: state.fastLaneCalls,
  }));

  app.post('/__mock/reset', { schema: { tags } }, async () => {
    state.reset();
    return { reset: true };
  });

  app.get('/__mock/channels', { schema: { tags } }, async () => ({ channels: state.channels }));
  app.put<{ Params: { id: string } }>(
    '/__mock/channels/:id',
    { schema: { tags } },
    async (request, reply) => {
      const parsed = channelChangesSchema.safeParse(request.body ?? {}, FIELD_ERRORS);
      if (!parsed.success) return reply.code(400).send({ error: describeIssue(parsed.error) });
      if (!state.channelById.has(request.params.id))
        return reply.code(404).send({ error: `[id:unknown channel id ${request.params.id}]` });
      try {
        return state.updateChannel(request.params.id, parsed.data);
      } catch (error) {
        if (error instanceof RangeError) return reply.code(400).send({ error: error.message });
        throw error;
      }
    },
  );

  app.get('/__mock/faults', { schema: { tags } }, async () => ({ rules: state.faultRules }));
  app.put('/__mock/faults', { schema: { tags } }, async (request, reply) => {
    const parsed = faultsBodySchema.safeParse(request.body, FIELD_ERRORS);
    if (!parsed.success) return reply.code(400).send({ error: describeIssue(parsed.error) });
    state.faults.set(Array.isArray(parsed.data) ? parsed.data : parsed.data.rules);
    return { rules: state.faultRules };
  });
  app.delete('/__mock/faults', { schema: { tags } }, async () => {
    state.faults.set([]);
    return { rules: [] };
  });

  app.get('/__mock/clock', { schema: { tags } }, async () => ({
    speed: state.clock.speed,
    now: state.clock.now(),
  }));
  app.put('/__mock/clock', { schema: { tags } }, async (request, reply) => {
    const parsed = clockBodySchema.safeParse(request.body ?? {}, FIELD_ERRORS);
    if (!parsed.success) return reply.code(400).send({ error: describeIssue(parsed.error) });
    if (parsed.data.speed !== undefined) state.clock.setSpeed(parsed.data.speed);
    if (parsed.data.advanceMs !== undefined) state.clock.advance(parsed.data.advanceMs);
    return { speed: state.clock.speed, now: state.clock.now() };
  });

  const streams = new Set<{ end(): void }>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  app.get('/__mock/events', { schema: { tags } }, (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    const onMessage = (batch: StoredBatch) => {
      const view = messageView(batch, state.clock.now(), false);
      reply.raw.write(`event: message\ndata: ${JSON.stringify(view)}\n\n`);
    };
    state.events.on('message', onMessage);
    streams.add(reply.raw);
    request.raw.on('close', () => {
      state.events.off('message', onMessage);
      streams.delete(reply.raw);
    });
  });
}
