import { mockInspector } from '@intl-sms/mock-server/testing';

/** How many times the mock received each number (`@intl-sms/mock-server/testing`). */
export function submittedCounts(mockUrl: string): Promise<Map<string, number>> {
  return mockInspector(mockUrl).receivedCounts();
}

/** Submit times (ms) of every message the mock received, oldest first. */
export async function submitTimes(mockUrl: string): Promise<number[]> {
  const messages = await mockInspector(mockUrl).allMessages();
  return messages.map((m) => Date.parse(m.submittedAt)).sort((a, b) => a - b);
}

/** True when the mock received each number once. */
export function eachOnce(counts: Map<string, number>): boolean {
  return [...counts.values()].every((n) => n === 1);
}

/** How many submits the mock received. */
export async function submitCount(mockUrl: string): Promise<number> {
  return (await mockInspector(mockUrl).messages({ limit: 1 })).total;
}
