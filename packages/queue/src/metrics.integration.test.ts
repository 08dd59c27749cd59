import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  type MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, startQueueFixture } from './test-support/queue-fixture.js';

const run = promisify(execFile);
let fx: QueueFixture;
const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
beforeAll(async () => {
  // The SDK is set up before any worker is created, as an application does.
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  fx = await startQueueFixture();
});
afterAll(async () => {
  await fx?.close();
  await reader.shutdown();
  metrics.disable();
});

/** The data points of every metric exported so far, by name. */
async function collected(): Promise<Map<string, MetricData>> {
  exporter.reset();
  await reader.forceFlush();
  const byName = new Map<string, MetricData>();
  for (const resource of exporter.getMetrics())
    for (const scope of resource.scopeMetrics)
      for (const metric of scope.metrics) byName.set(metric.descriptor.name, metric);
  return byName;
}

/** Sum of a counter's points whose attributes include `where`. */
function sum(metric: MetricData | undefined, where: Record<string, string>): number {
  let total = 0;
  for (const point of metric?.dataPoints ?? []) {
    const matches = Object.entries(where).every(([k, v]) => point.attributes[k] === v);
    if (matches) total += point.value as number;
  }
  return total;
}

describe('OpenTelemetry metrics', () => {
  it('counts submits, recipients, latency, receipt polls, 429 waits and the reconciliation backlog', async () => {
    // A 429 (the transport tries 3 times, then the worker waits and retries), then one
    // submit whose connection drops (outcome unknown).
    await fx.control.faults([
      {
        endpoint: 'submit',
        type: 'state-code',
        stateCode: '429',
        times: 3,
        // biome-ignore lint/suspicious/noThenProperty: the mock chains fault rules with "then"
        then: { endpoint: 'submit', type: 'drop', times: 1 },
      },
    ]);
    const queue = fx.queue({ retryDelayMs: 100 });
    fx.worker({ concurrency: 1 });
    await queue.enqueueCampaign({
      campaignId: 'measured',
      recipients: numbers('+447400', 201, 6),
      text: 'Hi',
      chunkSize: 67,
    });
    const status = await settled(queue, 'measured');
    expect(status).toMatchObject({ state: 'needs-reconciliation', counts: { unknown: 67 } });
    const byName = await collected();
    const queueName = { queue: queue.name };
    const submits = byName.get('intl_sms.queue.submits');
    expect(sum(submits, { ...queueName, outcome: 'accepted' })).toBe(2);
    expect(sum(submits, { ...queueName, outcome: 'unknown' })).toBe(1);
    expect(sum(submits, { ...queueName, outcome: 'retried' })).toBe(1);
    const recipients = byName.get('intl_sms.queue.recipients');
    expect(sum(recipients, { ...queueName, outcome: 'accepted' })).toBe(134);
    expect(sum(recipients, { ...queueName, outcome: 'unknown' })).toBe(67);
    const duration = byName.get('intl_sms.queue.submit.duration');
    const histogram = duration?.dataPoints.find((p) => p.attributes.outcome === 'accepted');
    expect((histogram?.value as { count: number } | undefined)?.count).toBe(2);
    expect(byName.get('intl_sms.queue.submit.duration')?.descriptor.unit).toBe('s');
    expect(sum(byName.get('intl_sms.queue.rate_limit.waits'), queueName)).toBe(1);
    expect(
      sum(byName.get('intl_sms.queue.receipt.polls'), { ...queueName, outcome: 'final' }),
    ).toBe(2);
    expect(sum(byName.get('intl_sms.queue.reconciliation.backlog'), queueName)).toBe(1);

    await queue.reconcile('measured', { decide: () => 'not-sent' });
    const after = await collected();
    expect(sum(after.get('intl_sms.queue.reconciliation.backlog'), queueName)).toBe(0);
  });
});

describe('without @opentelemetry/api', () => {
  it('a worker runs as ever: metrics are simply off', async () => {
    const script = fileURLToPath(new URL('./test-support/without-otel.mjs', import.meta.url));
    const settings = { redisUrl: fx.redisUrl, mockUrl: fx.mock.url, name: `no-otel-${Date.now()}` };
    const { stdout } = await run(process.execPath, [script, JSON.stringify(settings)]);
    expect(JSON.parse(stdout)).toEqual({ otel: 'missing', state: 'completed', errors: [] });
  });
});
