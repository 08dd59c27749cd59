/**
 * The real Medusa v2 notification module (`@medusajs/notification`: its module service,
 * provider service and provider loader, in a real awilix container) with our provider
 * registered as `medusa-config.ts` would, minus PostgreSQL: the two tables live in
 * memory behind repositories that answer the queries Medusa's own services make.
 */
import { asClass, asValue } from '@medusajs/framework/awilix';
import type { Logger } from '@medusajs/framework/types';
import { createMedusaContainer, ModulesSdkUtils } from '@medusajs/framework/utils';
import * as providersModule from '@medusajs/notification/dist/loaders/providers.js';
import { Notification } from '@medusajs/notification/dist/models/index.js';
import {
  NotificationModuleService,
  NotificationProviderService,
} from '@medusajs/notification/dist/services/index.js';
import moduleProvider from '../medusa/index.js';

/** A notification row as Medusa stores it (the fields the tests read). */
export interface NotificationRow {
  readonly id: string;
  readonly to: string;
  readonly status: 'pending' | 'success' | 'failure';
  readonly external_id?: string | null;
  readonly idempotency_key?: string | null;
}

type Row = Record<string, unknown>;
type Where = Record<string, unknown>;

/** MikroORM's `where` as Medusa's `buildQuery` writes it: equality, arrays as `$in`, `$or`. */
function matches(row: Row, where: Where): boolean {
  return Object.entries(where).every(([key, wanted]) => {
    if (key === '$or') return (wanted as Where[]).some((part) => matches(row, part));
    if (Array.isArray(wanted)) return wanted.includes(row[key]);
    if (wanted && typeof wanted === 'object' && '$in' in wanted)
      return (wanted.$in as unknown[]).includes(row[key]);
    return row[key] === wanted;
  });
}

/** What Medusa's decorators ask of an entity manager: an event manager to subscribe to. */
const manager = {
  getEventManager: () => ({
    getSubscribers: () => new Set(),
    registerSubscriber: () => undefined,
    dispatchEvent: () => undefined,
  }),
};

/** The manager and transaction calls of a MikroORM repository, with nothing behind them. */
class MemoryManagerSource {
  getFreshManager = () => manager;
  getActiveManager = () => manager;
  transaction = async (task: (transactionManager: object) => Promise<unknown>) => task(manager);
}

/** An in-memory table behind the repository methods Medusa's internal services call. */
class MemoryRepository extends MemoryManagerSource {
  readonly rows = new Map<string, Row>();
  constructor(private readonly defaults: Row = {}) {
    super();
  }
  async find(query: { where?: Where } = {}): Promise<Row[]> {
    return [...this.rows.values()].filter((row) => matches(row, query.where ?? {})).map(copy);
  }
  async create(data: Row[]): Promise<Row[]> {
    return data.map((entry) => {
      const row = { ...this.defaults, ...entry };
      this.rows.set(String(row.id), row);
      return copy(row);
    });
  }
  async update(pairs: { entity: Row; update: Row }[]): Promise<Row[]> {
    return pairs.map(({ entity, update }) => {
      const row = Object.assign(this.rows.get(String(entity.id)) ?? {}, update);
      return copy(row);
    });
  }
  async upsert(data: Row[]): Promise<Row[]> {
    return data.map((entry) => {
      const row = { ...this.rows.get(String(entry.id)), ...entry };
      this.rows.set(String(row.id), row);
      return copy(row);
    });
  }
}

const copy = (row: Row): Row => structuredClone(row);

/** The module service and its stored rows. */
export interface MedusaNotificationModule {
  createNotifications(data: object | object[]): Promise<unknown>;
  rows(): NotificationRow[];
}

/** Loads the notification module with our provider under id `intl-sms` on channel `sms`. */
export async function loadNotificationModule(
  providerOptions: Record<string, unknown>,
  logger: Logger,
): Promise<MedusaNotificationModule> {
  const notifications = new MemoryRepository({ status: 'pending' });
  const container = createMedusaContainer();
  container.register({
    logger: asValue(logger),
    baseRepository: asValue(
      Object.assign(new MemoryManagerSource(), {
        serialize: async (data: unknown) => structuredClone(data),
      }),
    ),
    notificationRepository: asValue(notifications),
    notificationProviderRepository: asValue(new MemoryRepository()),
    notificationService: asClass(ModulesSdkUtils.MedusaInternalService(Notification)).singleton(),
    notificationProviderService: asClass(NotificationProviderService).singleton(),
  });
  // A Babel-style CJS default export: vitest unwraps it, Node's ESM import does not.
  const loadProviders = ((providersModule.default as { default?: unknown }).default ??
    providersModule.default) as (options: object) => Promise<void>;
  await loadProviders({
    container,
    options: {
      providers: [
        {
          resolve: moduleProvider,
          id: 'intl-sms',
          options: { channels: ['sms'], ...providerOptions },
        },
      ],
    },
  });
  const service = new NotificationModuleService(container.cradle as never, {} as never);
  return {
    createNotifications: (data) => service.createNotifications(data as never),
    rows: () => [...notifications.rows.values()] as unknown as NotificationRow[],
  };
}
