import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { formatAmount, parseAmount } from '../money/amount.js';
import { type MockAccount, publicAccount } from '../state/accounts.js';
import type { MockState } from '../state/mock-state.js';
import { describeIssue, FIELD_ERRORS } from '../wire/describe-issue.js';

const accountChangesSchema = z.strictObject({
  password: z.string().min(1).max(200).optional(),
  balance: z.union([z.string(), z.number()]).optional(),
  channels: z
    .union([z.array(z.union([z.string(), z.number()])), z.enum(['all', 'none'])])
    .optional(),
});

const topUpSchema = z.strictObject({ amount: z.union([z.string(), z.number()]) });

/** Inspection of accounts: list, show, create or update, top up. Passwords are never shown. */
export function registerAccountsRoutes(app: FastifyInstance, state: MockState): void {
  const view = (account: MockAccount) => ({
    ...publicAccount(account),
    channels: state.channels.filter((channel) => account.channelIds.has(channel.id)),
  });

  app.get('/__mock/accounts', { schema: { tags: ['inspection'] } }, async () => ({
    accounts: [...state.accounts.values()].map(publicAccount),
  }));

  app.get<{ Params: { account: string } }>(
    '/__mock/accounts/:account',
    { schema: { tags: ['inspection'] } },
    async (request, reply) => {
      const account = state.accounts.get(request.params.account);
      return account ? view(account) : reply.code(404).send({ error: '[account:no such account]' });
    },
  );

  app.put<{ Params: { account: string } }>(
    '/__mock/accounts/:account',
    { schema: { tags: ['inspection'] } },
    async (request, reply) => {
      const parsed = accountChangesSchema.safeParse(request.body ?? {}, FIELD_ERRORS);
      if (!parsed.success) return reply.code(400).send({ error: describeIssue(parsed.error) });
      try {
        return view(state.upsertAccount(request.params.account, parsed.data));
      } catch (error) {
        if (error instanceof RangeError) return reply.code(400).send({ error: error.message });
        throw error;
      }
    },
  );

  app.post<{ Params: { account: string } }>(
    '/__mock/accounts/:account/top-up',
    { schema: { tags: ['inspection'] } },
    async (request, reply) => {
      const account = state.accounts.get(request.params.account);
      if (!account) return reply.code(404).send({ error: '[account:no such account]' });
      const parsed = topUpSchema.safeParse(request.body ?? {});
      const amount = parsed.success ? parseAmount(parsed.data.amount) : undefined;
      if (amount === undefined)
        return reply
          .code(400)
          .send({ error: '[amount:must be a decimal with at most 8 decimals]' });
      account.balance += amount;
      return { account: account.account, balance: formatAmount(account.balance) };
    },
  );
}
