import type { ChunkEvent } from '@intl-sms/queue';

/** One line of the worker's log for a submit: text, or a JSON object (`--json`). */
export function chunkLine(event: ChunkEvent, json: boolean): string {
  if (json) return JSON.stringify({ time: new Date().toISOString(), event: 'chunk', ...event });
  const where = `chunk ${event.chunk} of ${event.campaignId}`;
  const took = `(${(event.durationMs / 1_000).toFixed(1)} s)`;
  const batches = event.batches
    .map((b) => `${b.id}:${b.size} via channel ${b.channelId}`)
    .join(', ');
  switch (event.outcome) {
    case 'submitted': {
      const others = event.recipients - event.accepted;
      const rest = others > 0 ? `; ${others} not: ${event.error || 'rejected'}` : '';
      return `${stamp()} ${where}: ${event.accepted} accepted in batch ${batches}${rest} ${took}`;
    }
    case 'failed':
      return `${stamp()} ${where}: ${event.recipients} refused: ${event.error} ${took}`;
    case 'needs-reconciliation':
      return `${stamp()} ${where}: outcome unknown for ${event.unknown} (reconcile it): ${event.error} ${took}`;
    default:
      return `${stamp()} ${where}: not sent, tried again later: ${event.error} ${took}`;
  }
}

/** A line for an error the worker met (an outage, a failed job), never a credential. */
export function errorLine(error: Error, json: boolean): string {
  const code = (error as { code?: string }).code ?? 'ERROR';
  if (json)
    return JSON.stringify({
      time: new Date().toISOString(),
      event: 'error',
      code,
      message: error.message,
    });
  return `${stamp()} ${code}: ${error.message}`;
}

/** A line of the worker's own news (started, stopping, stopped). */
export function noticeLine(
  message: string,
  json: boolean,
  extra: Record<string, unknown> = {},
): string {
  if (json)
    return JSON.stringify({ time: new Date().toISOString(), event: 'worker', message, ...extra });
  return `${stamp()} ${message}`;
}

function stamp(): string {
  return new Date().toISOString();
}
