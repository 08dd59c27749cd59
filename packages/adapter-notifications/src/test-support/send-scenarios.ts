import { createServer } from 'node:net';
import type { SmsSendOutcome } from '../notifier/classify-send-failure.js';

/**
 * One way a send can end at the mock server, and how the adapters must classify it:
 * `refused` (nothing sent: fall back, retry), `unknown` or `partial` (may have been sent:
 * never resent by the framework).
 */
export interface SendScenario {
  readonly name: string;
  /** Fault rules for `PUT /__mock/faults`. */
  readonly faults: readonly object[];
  /** Recipients, E.164; two countries make two submits. */
  readonly to: readonly string[];
  readonly outcome: SmsSendOutcome;
  /** Overrides of the transport settings (a wrong password, an unreachable server). */
  readonly settings?: () => Promise<Record<string, unknown>>;
}

const PH = '+639171234567';
const GB = '+447400123456';
const submit = (fault: object) => [{ endpoint: 'submit', ...fault }];

/** The scenarios every framework test runs. */
export const SEND_SCENARIOS: readonly SendScenario[] = [
  {
    name: 'stateCode 500 on submit',
    faults: submit({ type: 'state-code', stateCode: '500' }),
    to: [PH],
    outcome: 'unknown',
  },
  {
    name: 'connection reset after the submit was processed',
    faults: submit({ type: 'reset', times: 1 }),
    to: [PH],
    outcome: 'unknown',
  },
  {
    name: 'truncated answer after the submit was processed',
    faults: submit({ type: 'truncate', times: 1 }),
    to: [PH],
    outcome: 'unknown',
  },
  {
    name: 'two countries: one submit refused with 402, the other accepted',
    faults: submit({ type: 'state-code', stateCode: '402', times: 1 }),
    to: [PH, GB],
    outcome: 'partial',
  },
  {
    name: 'two countries: one submit reset after processing, the other accepted',
    faults: submit({ type: 'reset', times: 1 }),
    to: [PH, GB],
    outcome: 'partial',
  },
  {
    name: 'wrong password (401)',
    faults: [],
    to: [PH],
    outcome: 'refused',
    settings: async () => ({ password: 'scenario-canary-password' }),
  },
  {
    name: 'stateCode 402 on every submit',
    faults: submit({ type: 'state-code', stateCode: '402' }),
    to: [PH],
    outcome: 'refused',
  },
  {
    name: 'stateCode 403 on every channel',
    faults: submit({ type: 'state-code', stateCode: '403' }),
    to: [PH],
    outcome: 'refused',
  },
  {
    name: 'two countries: both submits refused with 402',
    faults: submit({ type: 'state-code', stateCode: '402' }),
    to: [PH, GB],
    outcome: 'refused',
  },
  {
    name: 'connection refused',
    faults: [],
    to: [PH],
    outcome: 'refused',
    settings: async () => ({ baseUrl: await closedPortUrl() }),
  },
];

/** A loopback URL nothing listens on: connecting is refused, so nothing is sent. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** The wire form of an E.164 number, as the mock and core report it. */
export const wire = (e164: string): string => e164.replace(/\D/g, '');
